package org.jgrad.examples;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A text as character ids for {@link CharLmExample}: the vocabulary is every character of the
 * text (sorted), the last {@code validationFraction} of it is the validation part, and each part is
 * cut into {@code batch} equal streams read side by side, as PyTorch's word-language-model example
 * batches its corpus, so a recurrent model's state carries from one chunk of a stream to the next.
 */
final class CharCorpus {
    private final char[] vocabulary;
    private final int[] ids;
    private final int split;

    private CharCorpus(char[] vocabulary, int[] ids, int split) {
        this.vocabulary = vocabulary;
        this.ids = ids;
        this.split = split;
    }

    static CharCorpus of(String text, double validationFraction) {
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            set.add(text.charAt(i));
        }
        char[] vocabulary = new char[set.size()];
        int next = 0;
        for (char c : set) {
            vocabulary[next++] = c;
        }
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Arrays.binarySearch(vocabulary, text.charAt(i));
        }
        return new CharCorpus(vocabulary, ids, (int) (ids.length * (1 - validationFraction)));
    }

    int vocabularySize() {
        return vocabulary.length;
    }

    char character(int id) {
        return vocabulary[id];
    }

    int id(char c) {
        int id = Arrays.binarySearch(vocabulary, c);
        if (id < 0) {
            throw new IllegalArgumentException("character '" + c + "' is not in the text's vocabulary");
        }
        return id;
    }

    /** The first {@code limit} ids of the training part cut into {@code batch} streams, [batch][length]. */
    int[][] trainStreams(int batch, int limit) {
        return streams(0, Math.min(split, limit), batch);
    }

    int[][] validationStreams(int batch) {
        return streams(split, ids.length, batch);
    }

    int trainLength() {
        return split;
    }

    private int[][] streams(int from, int to, int batch) {
        int length = (to - from) / batch;
        int[][] out = new int[batch][];
        for (int b = 0; b < batch; b++) {
            out[b] = Arrays.copyOfRange(ids, from + b * length, from + (b + 1) * length);
        }
        return out;
    }

    /** Positions [start, start + steps) of every stream as a time-major (steps, batch) array, row-major. */
    static int[] chunk(int[][] streams, int start, int steps) {
        int batch = streams.length;
        int[] out = new int[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                out[t * batch + b] = streams[b][start + t];
            }
        }
        return out;
    }
}
