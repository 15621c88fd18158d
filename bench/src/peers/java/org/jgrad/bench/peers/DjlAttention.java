package org.jgrad.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.jgrad.bench.attention.AttentionRun;
import org.jgrad.bench.attention.AttentionStep;

/**
 * The attention benchmark in DJL with its PyTorch engine: DJL's own multi-head self-attention block,
 * {@link ScaledDotProductAttentionBlock} (query, key and value projections, softmax(q kᵀ / sqrt(d)) v
 * per head, result projection; attention dropout 0), L2 loss (half the MSE), SGD. Input and target
 * stay in native memory for the whole run; each step's temporaries go with a sub-manager that the
 * resident arrays join only for the step ({@code tempAttach}).
 */
public final class DjlAttention implements AttentionStep {
    private final Model model;
    private final Trainer trainer;
    private final NDArray input;
    private final NDArray target;

    DjlAttention(AttentionRun.Args args) {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        model = Model.newInstance("attention", "PyTorch");
        model.setBlock(ScaledDotProductAttentionBlock.builder().setEmbeddingSize(AttentionRun.WIDTH)
                .setHeadCount(AttentionRun.HEADS).optAttentionProbsDropoutProb(0f).build());
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(AttentionRun.LR)).build()));
        Shape shape = new Shape(args.batch(), AttentionRun.SEQUENCE, AttentionRun.WIDTH);
        trainer.initialize(shape);
        input = trainer.getManager().randomNormal(shape);
        target = trainer.getManager().randomNormal(shape);
    }

    /** {@code bench/run attention}'s DJL process. */
    public static void main(String[] args) {
        AttentionRun.main("djl", args, DjlAttention::new, System.out);
    }

    @Override
    public void train() {
        try (NDManager step = trainer.getManager().newSubManager()) {
            input.tempAttach(step);
            target.tempAttach(step);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList output = trainer.forward(new NDList(input));
                collector.backward(trainer.getLoss().evaluate(new NDList(target), output));
            }
            trainer.step();
        }
    }

    @Override
    public String description() {
        return "DJL " + Engine.getDjlVersion() + " PyTorch " + Engine.getEngine("PyTorch").getVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores";
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
