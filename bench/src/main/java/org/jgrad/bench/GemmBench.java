package org.jgrad.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.GemmShape;

/**
 * SGEMM throughput of one backend through the SPI: C = op(A) op(B) with random non-zero
 * operands (square n x n, or any m x n x k and transposes with {@code --shape}), warmed up (so the JIT has compiled the kernels), then the median of many timed
 * calls. Each timed call ends by downloading a one-element buffer, which waits for queued work
 * on a GPU backend. The last line printed is {@code gemm backend=NAME n=N gflops=G cpu_gflops=C}
 * ({@code shape=MxNxK:tt} in place of {@code n=N} with {@code --shape}):
 * G from the median call's wall time; C from the process CPU time of all timed calls, times the
 * number of cores (the rate with every core to itself, which a shared machine's other jobs do not
 * lower; it also counts JIT and GC threads, so it errs low; comparable with bench/run peak where the
 * product runs on every core: the CPU backend from n = 256 up).
 *
 * <p>Arguments: {@code --backend NAME} (default cpu), {@code --size N} (default 1024),
 * {@code --shape MxNxK[:XY]} (instead of the size: C is m x n, the products' depth k; X and Y
 * are n or t, whether A and B are transposed, as BLAS's transa/transb; default nn, e.g.
 * {@code 32x1024x256:nt} is an LSTM step's h W_hh^T),
 * {@code --seconds S} (default 2: at least this long warming up and again timing),
 * {@code --repeats R} (default 21: at least this many timed calls).
 */
public final class GemmBench {
    private GemmBench() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, "--backend", "--size", "--shape", "--seconds", "--repeats");
        String backendName = options.string("--backend", "cpu");
        int n = options.integer("--size", 1024, 1);
        String shapeText = options.string("--shape", null);
        GemmShape shape = shapeText == null ? GemmShape.dense(1, n, n, n, false, false) : parseShape(shapeText);
        double seconds = options.real("--seconds", 2);
        int repeats = options.integer("--repeats", 21, 1);
        Backend backend = Backends.named(backendName);
        System.out.println("backend: " + backend.description() + "; java " + Runtime.version());
        Timing timing = time(backend, shape, seconds, repeats);
        double flops = 2.0 * shape.m() * shape.n() * shape.k();
        String label = shapeText == null ? "n=" + n : "shape=" + shapeText;
        System.out.printf("gemm backend=%s %s gflops=%.1f cpu_gflops=%.1f%n", backend.name(), label,
                flops / timing.medianSeconds() * 1e-9,
                flops * timing.calls() / timing.cpuSeconds() * Runtime.getRuntime().availableProcessors() * 1e-9);
    }

    /** The median wall time of one call, and the process CPU time of all {@code calls} timed calls. */
    private record Timing(double medianSeconds, int calls, double cpuSeconds) {
    }

    /** MxNxK with an optional :XY suffix, X and Y each n or t. */
    static GemmShape parseShape(String text) {
        String[] parts = text.split(":", -1);
        String[] dims = parts[0].split("x", -1);
        String trans = parts.length > 1 ? parts[1] : "nn";
        if (parts.length > 2 || dims.length != 3 || !trans.matches("[nt][nt]")) {
            throw new IllegalArgumentException("--shape " + text + ": expected MxNxK or MxNxK:XY with X, Y each n or t, e.g. 32x1024x256:nt");
        }
        int[] mnk = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                mnk[i] = Integer.parseInt(dims[i]);
            } catch (NumberFormatException e) {
                mnk[i] = 0;
            }
            if (mnk[i] < 1) {
                throw new IllegalArgumentException("--shape " + text + ": dimension '" + dims[i] + "' is not a whole number >= 1");
            }
        }
        return GemmShape.dense(1, mnk[0], mnk[1], mnk[2], trans.charAt(0) == 't', trans.charAt(1) == 't');
    }

    private static Timing time(Backend backend, GemmShape shape, double seconds, int repeats) {
        Buffer a = randomMatrix(backend, shape.m() * shape.k(), 1);
        Buffer b = randomMatrix(backend, shape.k() * shape.n(), 2);
        Buffer c = backend.allocate(DType.FLOAT32, shape.m() * shape.n());
        Buffer sync = backend.allocate(DType.FLOAT32, 1);
        long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
        for (int call = 0; call < 5 || System.nanoTime() < warmUntil; call++) {
            timedCall(backend, shape, a, b, c, sync);
        }
        double[] times = new double[repeats];
        int count = 0;
        long timeUntil = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = ProcessCpu.nanos();
        while (count < repeats || System.nanoTime() < timeUntil) {
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * count);
            }
            times[count++] = timedCall(backend, shape, a, b, c, sync);
        }
        double cpuSeconds = (ProcessCpu.nanos() - cpuStart) * 1e-9;
        double[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return new Timing(sorted[count / 2], count, cpuSeconds);
    }

    /** Seconds for one product, including waiting for it to finish. */
    private static double timedCall(Backend backend, GemmShape shape, Buffer a, Buffer b, Buffer c, Buffer sync) {
        long start = System.nanoTime();
        backend.gemm(shape, a, b, c);
        backend.downloadFloat(sync);
        return (System.nanoTime() - start) * 1e-9;
    }

    /** {@code size} values in [0.5, 1.5): never zero, so no shortcut can apply. */
    private static Buffer randomMatrix(Backend backend, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.5 + random.nextDouble());
        }
        Buffer buffer = backend.allocate(DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }
}
