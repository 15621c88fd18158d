package org.jgrad.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.cpu.OptimizerUpdates.AdamTerms;
import org.jgrad.cpu.OptimizerUpdates.SgdTerms;

/**
 * Vector API bodies of {@link OptimizerUpdates}: the same float operations in the same order as
 * its scalar loops, a vector at a time. Each returns where it stopped (the last whole vector
 * before {@code to}); the caller finishes the tail. Loaded only when {@link VectorSupport#enabled()}.
 */
final class OptimizerVectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private OptimizerVectorKernels() {
    }

    static int sgd(SgdTerms t, float[] param, float[] grad, int from, int to) {
        float[] buffer = t.momentumBuffer();
        int end = from + SPECIES.loopBound(to - from);
        for (int i = from; i < end; i += SPECIES.length()) {
            FloatVector p = FloatVector.fromArray(SPECIES, param, i);
            FloatVector g = FloatVector.fromArray(SPECIES, grad, i);
            if (t.weightDecay() != 0) {
                g = g.add(p.mul(t.weightDecay()));
            }
            if (buffer != null) {
                FloatVector b = t.firstStep() ? g
                        : FloatVector.fromArray(SPECIES, buffer, i).mul(t.momentum()).add(g.mul(t.keep()));
                b.intoArray(buffer, i);
                g = t.nesterov() ? g.add(b.mul(t.momentum())) : b;
            }
            p.sub(g.mul(t.lr())).intoArray(param, i);
        }
        return end;
    }

    static int adam(AdamTerms t, float[] param, float[] grad, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq,
                    int from, int to) {
        float oneMinusBeta1 = 1 - t.beta1();
        float oneMinusBeta2 = 1 - t.beta2();
        int end = from + SPECIES.loopBound(to - from);
        for (int i = from; i < end; i += SPECIES.length()) {
            FloatVector p = FloatVector.fromArray(SPECIES, param, i).mul(t.decay());
            FloatVector g = FloatVector.fromArray(SPECIES, grad, i);
            if (t.l2() != 0) {
                g = g.add(p.mul(t.l2()));
            }
            FloatVector m = FloatVector.fromArray(SPECIES, expAvg, i).mul(t.beta1()).add(g.mul(oneMinusBeta1));
            FloatVector v = FloatVector.fromArray(SPECIES, expAvgSq, i).mul(t.beta2()).add(g.mul(g).mul(oneMinusBeta2));
            m.intoArray(expAvg, i);
            v.intoArray(expAvgSq, i);
            if (t.amsgrad()) {
                v = FloatVector.fromArray(SPECIES, maxExpAvgSq, i).max(v);
                v.intoArray(maxExpAvgSq, i);
            }
            FloatVector denominator = v.lanewise(VectorOperators.SQRT).div(t.rootBiasCorrection2()).add(t.eps());
            p.sub(m.div(denominator).mul(t.stepSize())).intoArray(param, i);
        }
        return end;
    }
}
