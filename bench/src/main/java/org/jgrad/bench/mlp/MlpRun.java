package org.jgrad.bench.mlp;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import org.jgrad.bench.ProcessCpu;
import org.jgrad.data.MnistPart;

/**
 * The benchmark loop shared by jgrad and its peers, so that only the framework differs: the same
 * model (the MLP or, with {@code --model cnn}, the examples' small CNN), the same MNIST arrays (the
 * first {@code --train-size} training images), the same shuffled order per epoch, whole batches
 * gathered into the same host arrays (or, with {@code --feed resident}, by the framework from its
 * own copy), each epoch timed, then the test accuracy on the 10,000 test images. Throughput is the
 * median samples/s of the last half of the epochs (the last 5 of 10, 4 of 8, 2 of 3): frameworks
 * warm up for several epochs (JIT compilation, PyTorch's allocator and thread pool), so only the
 * steady state is compared. The last line is {@code MODEL backend=NAME samples_per_s=X
 * cpu_sps=C first_epoch_sps=F test_acc=Y build_s=B} (MODEL: mlp or cnn; C: the same epochs' median samples
 * per process CPU-second, which a loaded machine lowers less; F: the first epoch's samples/s; B:
 * the seconds taken to build the model, its weights initialised, before the first epoch).
 */
public final class MlpRun {
    private static final int EVAL_BATCH = 1000;

    private MlpRun() {
    }

    /**
     * Parses {@code argv}, builds the model with {@code mlp} or {@code cnn} (after {@code --model}),
     * trains and reports on {@code out}.
     */
    public static void main(String name, String[] argv, Function<MlpArgs, MlpModel> mlp,
            Function<MlpArgs, MlpModel> cnn, PrintStream out) throws IOException {
        MlpArgs args = MlpArgs.parse(argv);
        MnistArrays train = MnistArrays.load(args.data(), MnistPart.TRAIN).head(args.trainSize());
        MnistArrays test = MnistArrays.load(args.data(), MnistPart.TEST);
        long buildStart = System.nanoTime();
        try (MlpModel model = (args.cnn() ? cnn : mlp).apply(args)) {
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            out.println(name + ": " + model.description() + "; feed " + args.feed() + "; java " + Runtime.version());
            out.printf("model built in %.2f s%n", buildSeconds);
            if (args.resident()) {
                model.hold(train);
            }
            double[][] rates = train(model, train, args, out);
            double accuracy = accuracy(model, test);
            out.printf("%s backend=%s samples_per_s=%.0f cpu_sps=%.0f first_epoch_sps=%.0f test_acc=%.4f build_s=%.2f%n",
                    args.model(), name, steadyRate(rates[0]), steadyRate(rates[1]), rates[0][0], accuracy, buildSeconds);
        }
    }

    /** Samples per second of each epoch, and samples per process CPU-second. */
    private static double[][] train(MlpModel model, MnistArrays train, MlpArgs args, PrintStream out) {
        int batch = args.batchSize();
        var loader = train.loader(batch, args.seed());
        double[] rates = new double[args.epochs()];
        double[] cpuRates = new double[args.epochs()];
        for (int epoch = 0; epoch < args.epochs(); epoch++) {
            int[] order = loader.order(epoch);
            int batches = loader.numBatches();
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            model.trainEpoch(train, order, batches, batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
            rates[epoch] = batches * batch / seconds;
            cpuRates[epoch] = batches * batch / cpuSeconds;
            out.printf("epoch %d: %.2f s, %.0f samples/s (process CPU %.2f s: %.0f samples per CPU-second)%n",
                    epoch + 1, seconds, rates[epoch], cpuSeconds, cpuRates[epoch]);
        }
        return new double[][] {rates, cpuRates};
    }

    /** The median of the last half of the epochs' rates (rounded up: all of one epoch, 2 of 3). */
    private static double steadyRate(double[] rates) {
        double[] steady = Arrays.copyOfRange(rates, rates.length / 2, rates.length);
        Arrays.sort(steady);
        int mid = steady.length / 2;
        return steady.length % 2 == 1 ? steady[mid] : (steady[mid - 1] + steady[mid]) / 2;
    }


    private static double accuracy(MlpModel model, MnistArrays test) {
        int hits = 0;
        int[] order = new int[test.size()];
        Arrays.setAll(order, i -> i);
        int[] y = new int[EVAL_BATCH];
        for (int start = 0; start < test.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, test.size() - start);
            float[] x = new float[n * MnistArrays.FEATURES];
            test.gather(order, start, n, x, y);
            hits += MnistArrays.correct(model.scores(x), y, n);
        }
        return (double) hits / test.size();
    }
}
