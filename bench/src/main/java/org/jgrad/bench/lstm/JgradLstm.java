package org.jgrad.bench.lstm;

import java.util.List;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.loss.MSELoss;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.optim.SGD;

/** {@code bench/run lstm}'s jgrad process: the benchmark LSTM on the CPU backend, a scope per step. */
public final class JgradLstm implements LstmStep {
    private final Backend backend;
    private final LSTM lstm;
    private final SGD sgd;
    private final Tensor input;
    private final Tensor target;
    private final MSELoss loss = new MSELoss();

    private JgradLstm(LstmArgs args) {
        backend = Backends.named("cpu");
        Backends.setDefault(backend);
        Generator.manualSeed(args.seed());
        lstm = new LSTM(RecurrentOptions.of(args.hidden(), args.hidden()).numLayers(args.layers()));
        sgd = new SGD(lstm.parameters(), 0.01);
        input = Scope.untrack(Tensors.fromArray(backend, args.values(1), args.seq(), args.batch(), args.hidden()));
        target = Scope.untrack(Tensors.fromArray(backend, args.values(2), args.seq(), args.batch(), args.hidden()));
    }

    public static void main(String[] argv) {
        LstmRun.main("jgrad", argv, JgradLstm::new, System.out);
    }

    @Override
    public float step() {
        try (Scope step = Scope.open()) {
            sgd.zeroGrad();
            Tensor value = loss.apply(lstm.forward(input), target);
            value.backward();
            sgd.step();
            return value.item();
        }
    }

    @Override
    public String description() {
        return "jgrad " + backend.description();
    }

    @Override
    public void close() {
        List.of(input, target).forEach(Tensor::close);
        lstm.close();
    }
}
