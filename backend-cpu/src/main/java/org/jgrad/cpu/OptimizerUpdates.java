package org.jgrad.cpu;

import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.SgdConfig;

/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class OptimizerUpdates {
    private OptimizerUpdates() {
    }

    static void sgd(SgdConfig config, boolean firstStep, float[] param, float[] grad, float[] momentumBuffer) { throw new UnsupportedOperationException("not implemented yet"); }

    static void adam(AdamConfig config, int step, float[] param, float[] grad, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq) { throw new UnsupportedOperationException("not implemented yet"); }
}
