package org.jgrad.bench.spark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jgrad.bench.Options;
import org.jgrad.spark.SparkContexts;

/**
 * The exchange that {@code SparkTrainer} did not choose, timed alone: one Spark job per step that
 * broadcasts the weights (P floats), lets each of W partitions return a gradient of P floats and
 * sums them with {@code treeAggregate} on the driver (no model: the cost of the machinery only).
 * {@code bench/run spark-exchange [--workers W] [--params P] [--steps N]}; last line
 * {@code job-per-step workers=W params=P ms_per_step=T} (median of N steps after 10 warm-up steps).
 */
public final class JobPerStepBench {
    private JobPerStepBench() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, "--workers", "--params", "--steps");
        int workers = options.integer("--workers", 2, 1);
        int params = options.integer("--params", 203_530, 1);
        int steps = options.integer("--steps", 50, 1);
        JavaSparkContext spark = SparkContexts.getOrCreate("jgrad-bench-job-per-step", workers);
        try {
            JavaRDD<Integer> parts = spark.parallelize(IntStream.range(0, workers).boxed().toList(), workers).cache();
            parts.count();
            float[] weights = new float[params];
            double[] millis = new double[steps];
            int size = params;
            for (int s = -10; s < steps; s++) {
                long start = System.nanoTime();
                Broadcast<float[]> shared = spark.broadcast(weights);
                float[] sum = parts.map(p -> {
                    float[] w = shared.value();
                    float[] g = new float[size];
                    g[p] = w[p] + 1;
                    return g;
                }).treeAggregate(new float[size], JobPerStepBench::add, JobPerStepBench::add);
                shared.destroy();
                weights[0] = sum[0] * 0;
                if (s >= 0) {
                    millis[s] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "job-per-step workers=%d params=%d ms_per_step=%.2f%n", workers, params,
                    millis[steps / 2]);
        } finally {
            spark.stop();
        }
    }

    private static float[] add(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
