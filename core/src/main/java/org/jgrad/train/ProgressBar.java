package org.jgrad.train;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A per-epoch progress display. {@link Style#LIVE} (a terminal) redraws one line in place with
 * {@code \r}, at most every {@value #REDRAW_INTERVAL_MILLIS} ms:
 * <pre>
 * Epoch 3/10
 *  57/469 [==>...........................] ETA 4.1s - 6210 samples/s - loss: 0.4120 - accuracy: 0.8811
 * </pre>
 * and ends the epoch with the full bar, its time and the final values (validation included). No
 * line is ever as wide as the terminal (a wrapped line cannot be redrawn in place): the live line
 * is cut, and an end line too long for the bar drops it, then continues on further lines.
 * {@link Style#PER_EPOCH} (a log file, a pipe, CI) prints only that last line, one per epoch,
 * with the epoch and no bar: {@code Epoch 3/10 469/469 5.2s - 6210 samples/s - loss: 0.3914 - ...}.
 *
 * <p>Call {@link #startEpoch}, then {@link #batchDone} after each batch with the running values,
 * then {@link #endEpoch}. Time comes from the clock given (nanoseconds), so tests need no real time.
 */
public final class ProgressBar {
    /** The shortest time between two redraws of the live line. */
    public static final long REDRAW_INTERVAL_MILLIS = 100;
    /** The narrowest width a bar is drawn for. */
    public static final int MIN_WIDTH = 20;

    private final PrintStream out;
    private final Style style;
    private final IntSupplier widthSource;
    private final LongSupplier nanoClock;
    private int width;
    private int epoch;
    private int epochs;
    private long batches;
    private long done;
    private long samples;
    private long startNanos;
    private long lastDrawNanos;
    private int drawnLength = -1;

    /**
     * Writes to {@code out} in {@code style}; a live line is cut to {@code width - 1} characters so
     * that it never wraps (a wrapped line cannot be redrawn in place).
     */
    public ProgressBar(PrintStream out, Style style, int width, LongSupplier nanoClock) {
        this(out, style, () -> width, nanoClock);
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("ProgressBar: width must be at least " + MIN_WIDTH + " columns, got "
                    + width);
        }
    }

    private ProgressBar(PrintStream out, Style style, IntSupplier widthSource, LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "ProgressBar: out");
        this.style = Objects.requireNonNull(style, "ProgressBar: style");
        this.nanoClock = Objects.requireNonNull(nanoClock, "ProgressBar: nanoClock");
        this.widthSource = widthSource;
        this.width = Math.max(MIN_WIDTH, widthSource.getAsInt());
    }

    /**
     * A progress bar on {@code out} in the style {@link Style#detect()} picks, as wide as the
     * terminal (the {@code COLUMNS} variable when set, else the width {@code /dev/tty} reports,
     * else 80; read again at each epoch, so a resized window is followed), timed by
     * {@link System#nanoTime()}.
     */
    public static ProgressBar create(PrintStream out) {
        Style style = Style.detect();
        return new ProgressBar(out, style, style == Style.LIVE ? TerminalWidth::current : () -> TerminalWidth.FALLBACK,
                System::nanoTime);
    }

    public Style style() {
        return style;
    }

    /** Begins epoch number {@code epoch} (from 1) of {@code epochs}, which has {@code batches} batches. */
    public void startEpoch(int epoch, int epochs, long batches) {
        if (epoch < 1 || epoch > epochs || batches < 1) {
            throw new IllegalArgumentException("ProgressBar.startEpoch: needs 1 <= epoch <= epochs and batches >= 1, got epoch "
                    + epoch + " of " + epochs + " with " + batches + " batches");
        }
        endLiveLine();
        width = Math.max(MIN_WIDTH, widthSource.getAsInt());
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = batches;
        done = 0;
        samples = 0;
        startNanos = nanoClock.getAsLong();
        if (style == Style.LIVE) {
            out.println(epochLabel());
            out.flush();
        }
    }

    /** One more batch of {@code batchSamples} samples is done; {@code running} are the values so far this epoch. */
    public void batchDone(int batchSamples, Map<String, Double> running) {
        if (batches == 0) {
            throw new IllegalStateException("ProgressBar.batchDone: call startEpoch first");
        }
        done++;
        samples += batchSamples;
        long now = nanoClock.getAsLong();
        boolean due = drawnLength < 0 || now - lastDrawNanos >= REDRAW_INTERVAL_MILLIS * 1_000_000;
        if (style == Style.LIVE && due) {
            double elapsed = seconds(now);
            String eta = elapsed > 0 && done < batches ? " ETA " + ProgressFormat.duration(elapsed / done * (batches - done)) : "";
            String line = ProgressFormat.count(done, batches) + " " + ProgressFormat.bar(done, batches) + eta
                    + rate(elapsed) + ProgressFormat.values(running);
            redraw(line.length() < width ? line : line.substring(0, width - 1));
            lastDrawNanos = now;
        }
    }

    /** Ends the epoch with its final values (training and validation). */
    public void endEpoch(Map<String, Double> values) {
        if (batches == 0) {
            throw new IllegalStateException("ProgressBar.endEpoch: call startEpoch first");
        }
        double elapsed = seconds(nanoClock.getAsLong());
        String summary = ProgressFormat.duration(elapsed) + rate(elapsed) + ProgressFormat.values(values);
        if (style == Style.LIVE) {
            List<String> lines = ProgressFormat.endLines(ProgressFormat.count(done, batches),
                    ProgressFormat.bar(done, batches), summary, width - 1);
            redraw(lines.get(0));
            endLiveLine();
            lines.subList(1, lines.size()).forEach(out::println);
            out.flush();
        } else {
            out.println(epochLabel() + " " + done + "/" + batches + " " + summary);
            out.flush();
        }
        batches = 0;
    }

    private String epochLabel() {
        return "Epoch " + epoch + "/" + epochs;
    }

    private double seconds(long now) {
        return (now - startNanos) / 1e9;
    }

    private String rate(double elapsed) {
        return elapsed > 0 ? " - " + ProgressFormat.rate(samples / elapsed) : "";
    }

    /** Overwrites the live line, blanking what is left of a longer previous one. */
    private void redraw(String line) {
        String blank = " ".repeat(Math.max(drawnLength - line.length(), 0));
        out.print("\r" + line + blank);
        out.flush();
        drawnLength = line.length();
    }

    private void endLiveLine() {
        if (drawnLength >= 0) {
            out.println();
            out.flush();
            drawnLength = -1;
        }
    }

    /** Whether to redraw a live line or print one line per epoch. */
    public enum Style {
        /** Redraw a line in place with carriage returns: for a terminal. */
        LIVE,
        /** One line at the end of each epoch: for logs, pipes and CI. */
        PER_EPOCH;

        /** LIVE when this JVM writes to a terminal and the {@code CI} variable is unset (or "" or "false"). */
        public static Style detect() {
            return choose(isTerminal(), System.getenv("CI"));
        }

        static Style choose(boolean terminal, String ci) {
            boolean inCi = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
            return terminal && !inCi ? LIVE : PER_EPOCH;
        }

        /** A console that is a terminal; from JDK 22 a console also exists when redirected, so ask it. */
        private static boolean isTerminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // before JDK 22 there is a console only on a terminal
            }
        }
    }
}
