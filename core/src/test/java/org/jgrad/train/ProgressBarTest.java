package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long nowMillis = 1000;

    private ProgressBar bar(ProgressBar.Style style, int width) {
        return new ProgressBar(out, style, width, () -> nowMillis * 1_000_000);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Double> values(Object... nameValuePairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put((String) nameValuePairs[i], (Double) nameValuePairs[i + 1]);
        }
        return map;
    }

    /** Four batches (10, 10, 10 and 7 samples) at 500, 550, 700 and 750 ms; the epoch ends at 1000 ms. */
    private void runEpoch(ProgressBar bar) {
        bar.startEpoch(1, 2, 4);
        nowMillis += 500;
        bar.batchDone(10, values("loss", 0.9));
        nowMillis += 50;
        bar.batchDone(10, values("loss", 0.8));
        nowMillis += 150;
        bar.batchDone(10, values("loss", 0.7, "accuracy", 0.5));
        nowMillis += 50;
        bar.batchDone(7, values("loss", 0.675, "accuracy", 0.55));
        nowMillis += 250;
        bar.endEpoch(values("loss", 0.65, "accuracy", 0.55, "val_loss", 0.7, "val_accuracy", 0.5));
    }

    @Test
    void liveBarRedrawsInPlaceAtMostEveryHundredMillisecondsAndEndsWithTheEpochSummary() {
        runEpoch(bar(ProgressBar.Style.LIVE, 200));
        String expected = "Epoch 1/2\n"
                // batch 1: first draw; 7 of 30 bar cells; 0.5 s for 1 of 4 batches leaves 1.5 s
                + "\r1/4 [======>.......................] ETA 1.5s - 20 samples/s - loss: 0.9000"
                // batch 2 comes 50 ms later: not drawn. Batch 3: 30 samples in 0.7 s
                + "\r3/4 [=====================>........] ETA 0.2s - 43 samples/s - loss: 0.7000 - accuracy: 0.5000"
                // batch 4 comes 50 ms later: not drawn; the end line: 37 samples in 1 s
                + "\r4/4 [==============================] 1.0s - 37 samples/s - loss: 0.6500 - accuracy: 0.5500"
                + " - val_loss: 0.7000 - val_accuracy: 0.5000\n";
        assertEquals(expected, printed());
    }

    @Test
    void perEpochStylePrintsOneLineAtTheEndOfTheEpoch() {
        runEpoch(bar(ProgressBar.Style.PER_EPOCH, 200));
        assertEquals("Epoch 1/2 4/4 1.0s - 37 samples/s - loss: 0.6500 - accuracy: 0.5500 - val_loss: 0.7000"
                + " - val_accuracy: 0.5000\n", printed());
    }

    @Test
    void aShorterLineBlanksTheRestOfTheLongerOneAndLongLinesAreCutToTheWidth() {
        ProgressBar bar = bar(ProgressBar.Style.LIVE, 60);
        bar.startEpoch(2, 2, 12);
        nowMillis += 2000;
        bar.batchDone(1, values("loss", 0.25));
        nowMillis += 48_000;
        bar.endEpoch(Map.of());
        String first = "\r 1/12 [=>............................] ETA 22s - 0.5 samples/s - loss: 0.2500";
        String cut = first.substring(0, 1 + 59);
        String last = " 1/12 [=>............................] 50s - 0.0 samples/s";
        assertEquals("Epoch 2/2\n" + cut + "\r" + last + " ".repeat(cut.length() - 1 - last.length()) + "\n", printed());
    }

    @Test
    void startingAnEpochEndsAnUnfinishedLiveLine() {
        ProgressBar bar = bar(ProgressBar.Style.LIVE, 200);
        bar.startEpoch(1, 3, 2);
        bar.batchDone(4, values());
        bar.startEpoch(2, 3, 2);
        assertEquals("Epoch 1/3\n\r1/2 [==============>...............]\nEpoch 2/3\n", printed());
    }

    @Test
    void misuseIsRejected() {
        ProgressBar bar = bar(ProgressBar.Style.LIVE, 200);
        assertThrows(IllegalStateException.class, () -> bar.batchDone(1, values()));
        assertThrows(IllegalStateException.class, () -> bar.endEpoch(values()));
        assertThrows(IllegalArgumentException.class, () -> bar.startEpoch(0, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> bar.startEpoch(4, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> bar.startEpoch(1, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> bar(ProgressBar.Style.LIVE, 19));
        assertEquals("", printed());
    }

    @Test
    void styleIsLiveOnlyOnATerminalOutsideCi() {
        assertEquals(ProgressBar.Style.LIVE, ProgressBar.Style.choose(true, null));
        assertEquals(ProgressBar.Style.LIVE, ProgressBar.Style.choose(true, ""));
        assertEquals(ProgressBar.Style.LIVE, ProgressBar.Style.choose(true, "false"));
        assertEquals(ProgressBar.Style.PER_EPOCH, ProgressBar.Style.choose(true, "true"));
        assertEquals(ProgressBar.Style.PER_EPOCH, ProgressBar.Style.choose(true, "1"));
        assertEquals(ProgressBar.Style.PER_EPOCH, ProgressBar.Style.choose(false, null));
    }

    @Test
    void widthComesFromColumnsWhenItIsAPositiveNumber() {
        assertEquals(80, TerminalWidth.parse(" 80"));
        assertEquals(12, TerminalWidth.parse("12"));
        assertEquals(null, TerminalWidth.parse("0"));
        assertEquals(null, TerminalWidth.parse(null));
        assertEquals(null, TerminalWidth.parse("wide"));
    }

    @Test
    void anEndLineTooWideForTheTerminalGoesOnToMoreLinesAndNoLineReachesTheWidth() {
        runEpoch(bar(ProgressBar.Style.LIVE, 80));
        String expected = "Epoch 1/2\n"
                + "\r1/4 [======>.......................] ETA 1.5s - 20 samples/s - loss: 0.9000"
                + "\r3/4 [=====================>........] ETA 0.2s - 43 samples/s - loss: 0.7000 - a"
                + "\r4/4 1.0s - 37 samples/s - loss: 0.6500 - accuracy: 0.5500 - val_loss: 0.7000" + " ".repeat(3) + "\n"
                + "  val_accuracy: 0.5000\n";
        assertEquals(expected, printed());
        for (String line : printed().split("[\r\n]")) {
            assertTrue(line.length() < 80, "shorter than the terminal: " + line);
        }
    }
}
