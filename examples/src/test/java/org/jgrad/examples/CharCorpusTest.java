package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharCorpusTest {
    /** The text of the given ids read back through the vocabulary. */
    private static String text(CharCorpus corpus, int[][] streams) {
        StringBuilder out = new StringBuilder();
        for (int[] stream : streams) {
            for (int id : stream) {
                out.append(corpus.character(id));
            }
        }
        return out.toString();
    }

    @Test
    void everyNthParagraphIsHeldOutWithItsBlankLine() {
        StringBuilder text = new StringBuilder();
        StringBuilder expectedTrain = new StringBuilder();
        StringBuilder expectedValidation = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            String paragraph = "fortune " + (char) ('a' + p) + "\nsecond line\n\n";
            text.append(paragraph);
            (p % 4 == 3 ? expectedValidation : expectedTrain).append(paragraph);
        }
        CharCorpus corpus = CharCorpus.of(text.toString(), 4);
        assertEquals(expectedTrain.length(), corpus.trainLength());
        assertEquals(expectedValidation.toString(), text(corpus, corpus.validationStreams(1)));
        assertEquals(expectedTrain.toString(), text(corpus, corpus.trainStreams(1, Integer.MAX_VALUE)));
    }

    @Test
    void aTextWithFewParagraphsIsSplitByLines() {
        String text = "l0\nl1\nl2\nl3\nl4\nl5\nl6\nl7\n";
        CharCorpus corpus = CharCorpus.of(text, 4);
        assertEquals("l3\nl7\n", text(corpus, corpus.validationStreams(1)));
        assertEquals("l0\nl1\nl2\nl4\nl5\nl6\n", text(corpus, corpus.trainStreams(1, Integer.MAX_VALUE)));
    }

    @Test
    void streamsAreEqualConsecutiveRuns() {
        String text = "abcdefghij\n\n".repeat(8);
        CharCorpus corpus = CharCorpus.of(text, 4);
        int[][] streams = corpus.trainStreams(3, 20);
        assertEquals(3, streams.length);
        assertArrayEquals(new int[] {corpus.id('g'), corpus.id('h'), corpus.id('i'), corpus.id('j'), corpus.id('\n'),
            corpus.id('\n')}, streams[1]);
    }
}
