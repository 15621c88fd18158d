package org.jgrad.bench.attention;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import org.jgrad.bench.Options;
import org.jgrad.bench.ProcessCpu;

/**
 * The attention benchmark loop shared by jgrad and DJL, so that only the framework differs: one
 * multi-head self-attention layer (width 256, 4 heads, bias, no dropout) on a resident batch of
 * sequences of 128, trained with MSE against a resident random target and SGD (lr 0.01). After
 * {@code --warmup} steps, {@code --steps} steps are timed one by one; the result is their median.
 * Arguments: {@code --batch N --steps S --warmup W}. Last line:
 * {@code attention framework=NAME ms_per_step=X cpu_ms_per_step=Y} (median wall time; mean process CPU
 * time, all threads, which a loaded machine inflates less).
 */
public final class AttentionRun {
    public static final int SEQUENCE = 128;
    public static final int WIDTH = 256;
    public static final int HEADS = 4;
    public static final float LR = 0.01f;

    /** The parsed command line. */
    public record Args(int batch, int steps, int warmup) {
    }

    private AttentionRun() {
    }

    public static void main(String name, String[] argv, Function<Args, AttentionStep> make, PrintStream out) {
        Args args = parse(argv);
        try (AttentionStep step = make.apply(args)) {
            out.println(name + ": " + step.description() + "; batch " + args.batch() + ", sequence " + SEQUENCE + ", width "
                    + WIDTH + ", heads " + HEADS + "; java " + Runtime.version());
            for (int i = 0; i < args.warmup(); i++) {
                step.train();
            }
            double[] ms = new double[args.steps()];
            long cpuStart = ProcessCpu.nanos();
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                step.train();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            double cpuMs = (ProcessCpu.nanos() - cpuStart) / 1e6 / ms.length;
            Arrays.sort(ms);
            double median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
            out.printf("steps: min %.1f ms, median %.1f ms, max %.1f ms; process CPU %.1f ms a step%n", ms[0], median,
                    ms[ms.length - 1], cpuMs);
            out.printf("attention framework=%s ms_per_step=%.2f cpu_ms_per_step=%.1f%n", name, median, cpuMs);
        }
    }

    private static Args parse(String[] argv) {
        Options options = Options.parse(argv, "--batch", "--steps", "--warmup");
        return new Args(options.integer("--batch", 32, 1), options.integer("--steps", 20, 1),
                options.integer("--warmup", 5, 0));
    }
}
