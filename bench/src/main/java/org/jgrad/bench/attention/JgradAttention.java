package org.jgrad.bench.attention;

import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.loss.MSELoss;
import org.jgrad.nn.MultiheadAttention;
import org.jgrad.optim.SGD;

/** The attention benchmark in jgrad: {@link MultiheadAttention} (batch first) on the default backend. */
public final class JgradAttention implements AttentionStep {
    private final Backend backend = Backends.getDefault();
    private final MultiheadAttention attention;
    private final SGD optimizer;
    private final Tensor input;
    private final Tensor target;
    private final MSELoss loss = new MSELoss();

    JgradAttention(AttentionRun.Args args) {
        Generator.manualSeed(1);
        attention = new MultiheadAttention(AttentionRun.WIDTH, AttentionRun.HEADS, 0, true, true);
        optimizer = new SGD(attention.parameters(), AttentionRun.LR);
        input = Tensors.randn(2, args.batch(), AttentionRun.SEQUENCE, AttentionRun.WIDTH);
        target = Tensors.randn(3, args.batch(), AttentionRun.SEQUENCE, AttentionRun.WIDTH);
    }

    /** {@code bench/run attention}'s jgrad process. */
    public static void main(String[] args) {
        AttentionRun.main("jgrad", args, JgradAttention::new, System.out);
    }

    @Override
    public void train() {
        try (Scope step = Scope.open()) {
            optimizer.zeroGrad();
            loss.apply(attention.forward(input), target).backward();
            optimizer.step();
        }
    }

    @Override
    public String description() {
        return "jgrad " + backend.description();
    }

    @Override
    public void close() {
        attention.close();
        input.close();
        target.close();
    }
}
