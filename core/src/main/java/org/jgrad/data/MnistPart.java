package org.jgrad.data;

/** Which part of MNIST or Fashion-MNIST to load: the training set or the test set. */
public enum MnistPart {
    /** The 60,000 training examples ({@code train-*} files). */
    TRAIN("train"),
    /** The 10,000 test examples ({@code t10k-*} files). */
    TEST("t10k");

    private final String prefix;

    MnistPart(String prefix) {
        this.prefix = prefix;
    }

    /** The file-name prefix: "train" or "t10k". */
    String prefix() {
        return prefix;
    }
}
