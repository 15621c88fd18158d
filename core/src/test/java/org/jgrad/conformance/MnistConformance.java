package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.jgrad.data.Batch;
import org.jgrad.data.FashionMnist;
import org.jgrad.data.Mnist;
import org.jgrad.data.MnistPart;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNIST loaders on small IDX files written here (raw and gzip), their checks, the message
 * for missing files, and the real MNIST when {@code scripts/fetch-mnist mnist} has been run.
 */
public class MnistConformance extends DataSupport {
    private static final byte[] PIXELS = {0, (byte) 255, 51, 102, 1, 2, 3, (byte) 204, 10, 20, 30, 40, 50, 60, 70, 80,
        90, 100, 110, (byte) 128, (byte) 130, (byte) 140, (byte) 150, (byte) 160};

    @TempDir
    Path dir;

    /** An IDX file of ubyte values: magic 0x0000080N, the sizes, the bytes; gzip-compressed if asked. */
    private static void writeIdx(Path file, boolean gzip, byte[] values, int... shape) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0, 0, 0x08, (byte) shape.length});
        for (int size : shape) {
            bytes.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        }
        bytes.writeBytes(values);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
    }

    @Test
    void readsImagesScaledToZeroOneAndLabelsFromRawOrGzipFiles() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), true, PIXELS, 3, 2, 4);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), false, new byte[] {7, 0, 9}, 3);
        TensorDataset train = Mnist.load(dir, MnistPart.TRAIN);
        assertEquals(3, train.size());
        assertArrayEquals(new int[] {1, 2, 4}, train.inputShape());
        try (Batch batch = train.batch(new int[] {0, 1, 2})) {
            double[] expected = new double[PIXELS.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (PIXELS[i] & 0xFF) / 255.0;
            }
            assertClose("pixels / 255", expected, batch.inputs().toFloatArray(), 1e-6, 0);
            assertArrayEquals(new int[] {7, 0, 9}, batch.targets().toIntArray());
        }
    }

    @Test
    void missingFilesNameTheCommandThatFetchesThem() throws IOException {
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte"), false, new byte[] {1}, 1);
        assertRejected(FileNotFoundException.class, () -> Mnist.load(dir, MnistPart.TEST), "no t10k-images-idx3-ubyte[.gz]",
                "Fetch it with: scripts/fetch-mnist mnist " + dir);
        assertRejected(FileNotFoundException.class, () -> FashionMnist.load(dir, MnistPart.TRAIN),
                "Fashion-MNIST train", "no train-images-idx3-ubyte[.gz], no train-labels-idx1-ubyte[.gz]",
                "scripts/fetch-mnist fashion " + dir);
    }

    @Test
    void rejectsFilesThatDoNotFitTogether() throws IOException {
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        writeIdx(dir.resolve("train-images-idx3-ubyte"), false, PIXELS, 3, 2, 4);
        writeIdx(labels, false, new byte[] {7, 0}, 2);
        assertRejected(IOException.class, () -> Mnist.load(dir, MnistPart.TRAIN), labels.toString(),
                "2 labels for the 3 images");
        writeIdx(labels, false, new byte[] {7, 10, 1}, 3);
        assertRejected(IOException.class, () -> Mnist.load(dir, MnistPart.TRAIN), labels.toString(),
                "at byte 9", "label 10");
        writeIdx(labels, false, new byte[] {7, 1, 1}, 1, 3);
        assertRejected(IOException.class, () -> Mnist.load(dir, MnistPart.TRAIN), "labels must be ubyte [count]");
    }

    @Test
    void theRealMnistWhenItHasBeenFetched() throws IOException {
        Path real = Mnist.defaultDirectory();
        boolean fetched = Files.exists(real.resolve("t10k-labels-idx1-ubyte"))
                || Files.exists(real.resolve("t10k-labels-idx1-ubyte.gz"));
        assumeTrue(fetched,
                "MNIST is not in " + real + " (scripts/fetch-mnist mnist puts it there); skipped");
        TensorDataset test = Mnist.load(MnistPart.TEST);
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {1, 28, 28}, test.inputShape());
        int[] counts = new int[10];
        try (Batch batch = test.batch(IntStream.range(0, test.size()).toArray())) {
            for (int label : batch.targets().toIntArray()) {
                counts[label]++;
            }
        }
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts, "MNIST test digits");
    }
}
