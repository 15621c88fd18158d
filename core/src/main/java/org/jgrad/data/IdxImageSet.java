package org.jgrad.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgrad.Shape;

/**
 * Loads an MNIST-layout image set from a folder: {@code <prefix>-images-idx3-ubyte} and
 * {@code <prefix>-labels-idx1-ubyte}, each raw or with {@code .gz}. Pixels become FLOAT32 in
 * [0, 1] (divided by 255) with shape [1, rows, columns]; labels are INT32 classes 0..9.
 */
final class IdxImageSet {
    static final String FETCH_SCRIPT = "scripts/fetch-mnist";
    private static final int CLASSES = 10;
    private static final int LABELS_START = 8;

    private IdxImageSet() {
    }

    /** {@code name} titles messages ("MNIST"); {@code fetchName} is the fetch script's argument for this set. */
    static TensorDataset load(Path dir, MnistPart part, String name, String fetchName) throws IOException {
        String images = part.prefix() + "-images-idx3-ubyte";
        String labels = part.prefix() + "-labels-idx1-ubyte";
        Path imageFile = find(dir, images);
        Path labelFile = find(dir, labels);
        if (imageFile == null || labelFile == null) {
            List<String> missing = new ArrayList<>();
            if (imageFile == null) {
                missing.add(images + "[.gz]");
            }
            if (labelFile == null) {
                missing.add(labels + "[.gz]");
            }
            throw new FileNotFoundException(name + " " + part.name().toLowerCase() + " data is missing from " + dir
                    + " (no " + String.join(", no ", missing) + "). Fetch it with: " + FETCH_SCRIPT + " " + fetchName
                    + " " + dir);
        }
        IdxArray pixels = IdxReader.read(imageFile);
        IdxArray classes = IdxReader.read(labelFile);
        int[] shape = pixels.shape();
        require(pixels.type() == IdxType.UBYTE && shape.length == 3, imageFile,
                "images must be ubyte [count, rows, columns], got " + pixels);
        require(classes.type() == IdxType.UBYTE && classes.shape().length == 1, labelFile,
                "labels must be ubyte [count], got " + classes);
        require(classes.count() == shape[0], labelFile,
                classes.count() + " labels for the " + shape[0] + " images in " + imageFile);
        int[] labelValues = classes.toInts();
        for (int i = 0; i < labelValues.length; i++) {
            require(labelValues[i] < CLASSES, labelFile, "at byte " + (LABELS_START + i) + ": label " + labelValues[i]
                    + " is not a class 0.." + (CLASSES - 1));
        }
        float[] values = pixels.toFloats();
        for (int i = 0; i < values.length; i++) {
            values[i] /= 255f;
        }
        return TensorDataset.ofLabels(values, new int[] {1, shape[1], shape[2]}, labelValues);
    }

    /** The raw file, else the .gz one, else null. */
    private static Path find(Path dir, String name) {
        for (Path candidate : new Path[] {dir.resolve(name), dir.resolve(name + ".gz")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void require(boolean ok, Path file, String problem) throws IOException {
        if (!ok) {
            throw new IOException(file + ": " + problem);
        }
    }
}
