package org.jgrad.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.jgrad.bench.lstm.LstmArgs;
import org.jgrad.bench.lstm.LstmRun;
import org.jgrad.bench.lstm.LstmStep;

/**
 * {@code bench/run lstm}'s DJL process: DJL's LSTM block on its PyTorch engine (PyTorch's fused
 * native LSTM), time-major, the same sizes, input and target as jgrad's; L2 loss, plain SGD. The
 * data stays in native memory for the whole run: each step attaches it to a sub-manager
 * ({@code tempAttach}) so the step's temporaries are freed when the step ends. PyTorch picks its
 * thread count (the number of cores) unless OMP_NUM_THREADS is set.
 */
public final class DjlLstm implements LstmStep {
    private final Model model;
    private final Trainer trainer;
    private final NDArray input;
    private final NDArray target;

    private DjlLstm(LstmArgs args) {
        Engine.getEngine("PyTorch").setRandomSeed((int) args.seed());
        model = Model.newInstance("lstm", "PyTorch");
        model.setBlock(LSTM.builder().setStateSize(args.hidden()).setNumLayers(args.layers()).optBatchFirst(false).build());
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build()));
        Shape shape = new Shape(args.seq(), args.batch(), args.hidden());
        trainer.initialize(shape);
        NDManager manager = trainer.getManager();
        input = manager.create(args.values(1), shape);
        target = manager.create(args.values(2), shape);
    }

    public static void main(String[] argv) {
        LstmRun.main("djl", argv, DjlLstm::new, System.out);
    }

    @Override
    public float step() {
        try (NDManager step = trainer.getManager().newSubManager()) {
            input.tempAttach(step);
            target.tempAttach(step);
            float value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList output = trainer.forward(new NDList(input));
                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(output.head()));
                collector.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            return value;
        }
    }

    @Override
    public String description() {
        Engine engine = Engine.getEngine("PyTorch");
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + engine.getVersion() + " on " + engine.defaultDevice()
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)");
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
