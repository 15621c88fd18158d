package org.jgrad.bench.lstm;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import org.jgrad.bench.ProcessCpu;

/**
 * The loop shared by jgrad and DJL: warm-up steps, then {@code steps} timed one by one; the figure
 * is the median step time, as training steps/s and sequences (samples)/s, and the timed steps per
 * process CPU-second (which other jobs on a shared machine do not lower). Last line:
 * {@code lstm backend=NAME steps_per_s=X samples_per_s=Y cpu_steps_per_s=C loss=Z}.
 */
public final class LstmRun {
    private LstmRun() {
    }

    public static void main(String name, String[] argv, Function<LstmArgs, LstmStep> make, PrintStream out) {
        LstmArgs args = LstmArgs.parse(argv);
        try (LstmStep model = make.apply(args)) {
            out.println(name + ": " + model.description() + "; java " + Runtime.version());
            float loss = 0;
            for (int i = 0; i < args.warmup(); i++) {
                loss = model.step();
            }
            double[] seconds = new double[args.steps()];
            long cpuStart = ProcessCpu.nanos();
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                loss = model.step();
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
            Arrays.sort(seconds);
            int mid = seconds.length / 2;
            double median = seconds.length % 2 == 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2;
            out.printf("lstm backend=%s steps_per_s=%.3f samples_per_s=%.1f cpu_steps_per_s=%.3f loss=%.5f%n", name,
                    1 / median, args.batch() / median, seconds.length / cpuSeconds, loss);
        }
    }
}
