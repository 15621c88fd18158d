package org.jgrad.examples;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A text as character ids for {@link CharLmExample}: the vocabulary is every character of the
 * text (sorted); every {@code validationEvery}-th paragraph (fortunes are separated by blank
 * lines) is the validation part, the rest in order the training part; each part is cut into
 * {@code batch} equal streams read side by side (a text with fewer than 2 {@code validationEvery}
 * paragraphs is split by lines instead), as PyTorch's word-language-model example batches
 * its corpus, so a recurrent model's state carries from one chunk of a stream to the next.
 *
 * <p>Why interleaved, not the text's tail: the fortunes come as collections in name order, so the
 * last 5% is the end of "work" and most of "zippy" (Zippy the Pinhead's shouting: 14% capitals
 * against 5% in the rest), a validation set unlike what the model trains on. Every 20th
 * paragraph draws from every collection, as a random held-out split would, and needs no seed.
 */
final class CharCorpus {
    private final char[] vocabulary;
    private final int[] train;
    private final int[] validation;

    private CharCorpus(char[] vocabulary, int[] train, int[] validation) {
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
    }

    static CharCorpus of(String text, int validationEvery) {
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            set.add(text.charAt(i));
        }
        char[] vocabulary = new char[set.size()];
        int next = 0;
        for (char c : set) {
            vocabulary[next++] = c;
        }
        // paragraphs, or lines in a text with too few blank lines to hold out whole paragraphs
        boolean byParagraph = countUnits(text, true) >= 2 * validationEvery;
        int[] train = new int[text.length()];
        int[] validation = new int[text.length()];
        int trainLength = 0;
        int validationLength = 0;
        int unit = 0;
        for (int i = 0; i < text.length(); i++) {
            int id = Arrays.binarySearch(vocabulary, text.charAt(i));
            if (unit % validationEvery == validationEvery - 1) {
                validation[validationLength++] = id;
            } else {
                train[trainLength++] = id;
            }
            if (endsUnit(text, i, byParagraph)) {
                unit++;
            }
        }
        return new CharCorpus(vocabulary, Arrays.copyOf(train, trainLength), Arrays.copyOf(validation, validationLength));
    }

    /** Whether position i ends a unit: the newline of a blank line (a paragraph) or any newline (a line). */
    private static boolean endsUnit(String text, int i, boolean byParagraph) {
        return text.charAt(i) == '\n' && (!byParagraph || (i > 0 && text.charAt(i - 1) == '\n'));
    }

    private static int countUnits(String text, boolean byParagraph) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            count += endsUnit(text, i, byParagraph) ? 1 : 0;
        }
        return count;
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
        return streams(train, Math.min(train.length, limit), batch);
    }

    int[][] validationStreams(int batch) {
        return streams(validation, validation.length, batch);
    }

    int trainLength() {
        return train.length;
    }

    int validationLength() {
        return validation.length;
    }

    private static int[][] streams(int[] ids, int to, int batch) {
        int length = to / batch;
        int[][] out = new int[batch][];
        for (int b = 0; b < batch; b++) {
            out[b] = Arrays.copyOfRange(ids, b * length, (b + 1) * length);
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
