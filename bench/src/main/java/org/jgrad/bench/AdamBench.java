package org.jgrad.bench;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.Buffer;

/**
 * Memory throughput of the fused Adam step through the SPI, on any backend: one adamStep over N
 * parameters reads param, grad, exp_avg and exp_avg_sq and writes param, exp_avg and exp_avg_sq,
 * 28 bytes a parameter, so GB/s = 28 N / seconds per step. Each timed step ends by downloading a
 * one-element buffer, which waits for queued work on a GPU backend. The last line printed is
 * {@code adam backend=NAME params=N gbps=X}, from the median step.
 *
 * <p>Arguments: {@code --backend NAME} (default cpu), {@code --params N} (default 16,777,216),
 * {@code --seconds S} (default 2: at least this long warming up and again timing),
 * {@code --repeats R} (default 21: at least this many timed steps).
 */
public final class AdamBench {
    /** Bytes one parameter's update moves: 4 float reads and 3 float writes. */
    static final int BYTES_PER_PARAM = 28;

    private AdamBench() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, "--backend", "--params", "--seconds", "--repeats");
        String backendName = options.string("--backend", "cpu");
        int params = options.integer("--params", 1 << 24, 1);
        double seconds = options.real("--seconds", 2);
        int repeats = options.integer("--repeats", 21, 1);
        Backend backend = Backends.named(backendName);
        System.out.println("backend: " + backend.description() + "; java " + Runtime.version());
        double step = medianStepSeconds(backend, params, seconds, repeats);
        System.out.printf("adam backend=%s params=%d gbps=%.1f%n", backend.name(), params,
                (double) BYTES_PER_PARAM * params / step * 1e-9);
    }

    private static double medianStepSeconds(Backend backend, int n, double seconds, int repeats) {
        AdamConfig config = new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false, false);
        Buffer[] state = new Buffer[4]; // param, grad, exp_avg, exp_avg_sq
        for (int s = 0; s < state.length; s++) {
            state[s] = backend.allocate(DType.FLOAT32, n);
            backend.fill(state[s], 0.25f + s); // non-zero, so no shortcut applies
        }
        Buffer sync = backend.allocate(DType.FLOAT32, 1);
        int step = 1;
        long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
        while (step <= 5 || System.nanoTime() < warmUntil) {
            backend.adamStep(config, step++, state[0], state[1], state[2], state[3], null);
        }
        backend.downloadFloat(sync);
        double[] times = new double[repeats];
        int count = 0;
        long timeUntil = System.nanoTime() + (long) (seconds * 1e9);
        while (count < repeats || System.nanoTime() < timeUntil) {
            long start = System.nanoTime();
            backend.adamStep(config, step++, state[0], state[1], state[2], state[3], null);
            backend.downloadFloat(sync);
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * count);
            }
            times[count++] = (System.nanoTime() - start) * 1e-9;
        }
        double[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }
}
