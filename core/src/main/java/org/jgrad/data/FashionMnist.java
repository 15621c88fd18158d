package org.jgrad.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf, 2017; MIT licence): 28x28 images of ten kinds of clothing,
 * in MNIST's layout and file names. {@code scripts/fetch-mnist fashion} puts the files in
 * {@code <data home>/fashion-mnist} (data home as for {@link Mnist}).
 */
public final class FashionMnist {
    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The default folder: {@code <data home>/fashion-mnist}. */
    public static Path defaultDirectory() {
        return DataHome.root().resolve("fashion-mnist");
    }

    /** {@code part} from the default folder. */
    public static TensorDataset load(MnistPart part) throws IOException {
        return load(defaultDirectory(), part);
    }

    /** {@code part} from {@code dir}, as {@link Mnist#load(Path, MnistPart)} does. */
    public static TensorDataset load(Path dir, MnistPart part) throws IOException {
        return IdxImageSet.load(dir, part, "Fashion-MNIST", "fashion");
    }
}
