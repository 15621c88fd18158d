package org.jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;

/** A small classification problem and model shared by the tests: 12 inputs, 3 classes, an MLP 12-16-3, Adam. */
final class Fixtures {
    static final int INPUTS = 12;
    static final int CLASSES = 3;

    private Fixtures() {
    }

    static ModelFactory model() {
        return () -> new Sequential(new Linear(INPUTS, 16), new ReLU(), new Linear(16, CLASSES));
    }

    static OptimizerFactory adam() {
        return model -> new Adam(model.parameters(), 1e-2);
    }

    /** {@code n} examples whose class is the argmax of three fixed linear scores of Gaussian inputs. */
    static List<LabeledExample> examples(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabeledExample> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[INPUTS];
            for (int j = 0; j < INPUTS; j++) {
                x[j] = (float) (random.nextDouble() * 2 - 1);
            }
            double[] score = {x[0] + x[1] - x[2], x[3] - x[4] + 0.5 * x[5], x[6] + x[7] - x[8] - 0.2};
            int label = score[0] >= score[1] && score[0] >= score[2] ? 0 : score[1] >= score[2] ? 1 : 2;
            list.add(LabeledExample.of(x, label, INPUTS));
        }
        return list;
    }

    /** The bit patterns of {@code values}, for bitwise comparison (-0 differs from 0). */
    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    /** Every parameter's values, in parameter order. */
    static float[][] weights(Module model) {
        List<Tensor> params = new ArrayList<>(model.namedParameters().values());
        float[][] out = new float[params.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).toFloatArray();
        }
        return out;
    }
}
