package org.jgrad.examples;

import java.util.SplittableRandom;

/** Points on interleaved noisy spiral arms, one arm per class (the CS231n toy set). */
record Spirals(float[] points, int[] labels) {

    static Spirals make(int classes, int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = classes * perClass;
        float[] points = new float[n * 2];
        int[] labels = new int[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int k = c * perClass + i;
                double radius = (double) i / perClass;
                double angle = c * 4.0 + 4.0 * i / perClass + random.nextGaussian() * 0.2;
                points[2 * k] = (float) (radius * Math.sin(angle));
                points[2 * k + 1] = (float) (radius * Math.cos(angle));
                labels[k] = c;
            }
        }
        return new Spirals(points, labels);
    }

    int size() {
        return labels.length;
    }
}
