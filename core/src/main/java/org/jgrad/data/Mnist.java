package org.jgrad.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * MNIST handwritten digits (LeCun, Cortes, Burges): 60,000 training and 10,000 test images of
 * 28x28 pixels, classes 0..9. Read from IDX files in a folder; nothing is downloaded at run time.
 * {@code scripts/fetch-mnist mnist} puts them in the default folder,
 * {@code <data home>/mnist}, where the data home is {@code -Djgrad.data}, else {@code JGRAD_DATA},
 * else {@code ~/.cache/jgrad}.
 */
public final class Mnist {
    private Mnist() {
    }

    /** The default folder: {@code <data home>/mnist}. */
    public static Path defaultDirectory() {
        return DataHome.root().resolve("mnist");
    }

    /** {@code part} from the default folder. */
    public static TensorDataset load(MnistPart part) throws IOException {
        return load(defaultDirectory(), part);
    }

    /**
     * {@code part} from {@code dir}: FLOAT32 inputs [1, 28, 28] in [0, 1], INT32 labels. A missing
     * file fails with a {@link java.io.FileNotFoundException} whose message is the command that fetches it.
     */
    public static TensorDataset load(Path dir, MnistPart part) throws IOException {
        return IdxImageSet.load(dir, part, "MNIST", "mnist");
    }
}
