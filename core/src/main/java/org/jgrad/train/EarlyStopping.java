package org.jgrad.train;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;

/**
 * Stops training when a monitored History column has not improved for {@code patience} epochs,
 * as Keras's {@code EarlyStopping}: an epoch improves when its value beats the best so far by more
 * than {@code minDelta}. With {@link #restoreBestWeights}, it keeps an in-memory copy of the
 * model's state dict from the best epoch (on the model's backend) and loads it back when it stops.
 * Defaults: monitor given, MIN, patience 0, minDelta 0, no restore.
 */
public final class EarlyStopping implements Callback {
    private static final System.Logger LOG = System.getLogger(EarlyStopping.class.getName());
    private static final String NAME = "EarlyStopping";

    private Monitor monitor;
    private int patience;
    private boolean restoreBestWeights;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;
    private Map<String, Tensor> bestWeights;

    /** Watches the History column {@code monitor} ({@code "val_loss"}, {@code "val_accuracy"}, ...), lower is better. */
    public EarlyStopping(String monitor) {
        this.monitor = new Monitor(NAME, monitor, MonitorMode.MIN, 0);
    }

    /** Whether lower (MIN) or higher (MAX) values are better. Returns this. */
    public EarlyStopping mode(MonitorMode mode) {
        monitor = new Monitor(NAME, monitor.name(), mode, monitor.minDelta());
        return this;
    }

    /** The smallest change that counts as an improvement (>= 0). Returns this. */
    public EarlyStopping minDelta(double minDelta) {
        monitor = new Monitor(NAME, monitor.name(), monitor.mode(), minDelta);
        return this;
    }

    /** Epochs without improvement after which training stops (>= 0). Returns this. */
    public EarlyStopping patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException(NAME + ": patience must be >= 0, got " + epochs);
        }
        this.patience = epochs;
        return this;
    }

    /** Whether to load the best epoch's weights back when stopping. Returns this. */
    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    /** The epoch (from 1) with the best value in the last fit; 0 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch (from 1) after which this callback stopped the last fit; 0 if it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        monitor.reset();
        wait = 0;
        bestEpoch = 0;
        stoppedEpoch = 0;
        dropBestWeights();
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
        double current = monitor.valueIn(values);
        wait++;
        if (monitor.improves(current)) {
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                dropBestWeights();
                bestWeights = copyOf(trainer.model().stateDict());
            }
            return;
        }
        if (wait >= patience) {
            stoppedEpoch = epoch;
            trainer.stopTraining();
            LOG.log(Level.INFO, "epoch {0}: {1} has not improved on {2} (epoch {3}) for {4} epochs; stopping",
                    epoch, monitor.name(), monitor.best(), bestEpoch, wait);
            if (bestWeights != null) {
                trainer.model().loadStateDict(bestWeights);
                LOG.log(Level.INFO, "restored the weights of epoch {0}", bestEpoch);
            }
        }
    }

    @Override
    public void onTrainEnd(Trainer trainer) {
        dropBestWeights();
    }

    /** Copies that belong to no scope: they must outlive the training steps until dropped. */
    private static Map<String, Tensor> copyOf(Map<String, Tensor> state) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        try (NoGrad noGrad = NoGrad.enter()) {
            state.forEach((name, tensor) -> copy.put(name, Scope.untrack(tensor.toType(tensor.dtype()))));
        }
        return copy;
    }

    private void dropBestWeights() {
        if (bestWeights != null) {
            bestWeights.values().forEach(Tensor::close);
            bestWeights = null;
        }
    }
}
