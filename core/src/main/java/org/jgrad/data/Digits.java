package org.jgrad.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 8x8 handwritten digits shipped inside jgrad (no download): 1,797 examples of 64 features,
 * pixel counts 0..16 of an 8x8 grid read row by row, with labels 0..9. It is the test set of
 * UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0),
 * as scikit-learn ships it ({@code load_digits}); see the NOTICE beside {@code digits.csv.gz}.
 */
public final class Digits {
    /** Number of examples. */
    public static final int SIZE = 1797;
    /** Features per example (8 x 8 pixels). */
    public static final int FEATURES = 64;
    /** Number of classes (digits 0 to 9). */
    public static final int CLASSES = 10;

    private static final String RESOURCE = "digits.csv.gz";

    private Digits() {
    }

    /** All examples, in the file's order: FLOAT32 inputs [64] with values 0..16, INT32 labels. */
    public static TensorDataset load() {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the class path has no org/jgrad/data/" + RESOURCE
                        + "; it is part of jgrad-core, so the jar is incomplete");
            }
            return new CsvReader().labelColumn(-1).read(in, RESOURCE).toClassDataset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
