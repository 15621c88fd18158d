package org.jgrad.nn;

import org.jgrad.Generator;
import org.jgrad.Tensor;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training each element is zeroed with
 * probability p and the rest scaled by 1 / (1 - p); in eval mode the input passes unchanged. The
 * mask is drawn from the given {@link Generator}, or from {@link Generator#global()} (read at each
 * call, so {@code Generator.manualSeed} applies).
 */
public class Dropout extends Module {
    private final float p;
    private final Generator generator;

    public Dropout(double p) {
        this(p, null);
    }

    /** A dropout drawing its masks from {@code generator} (null: the global one). */
    public Dropout(double p, Generator generator) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: probability must be in [0, 1), got " + p);
        }
        this.p = (float) p;
        this.generator = generator;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        return input.dropout(p, generator != null ? generator : Generator.global());
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
