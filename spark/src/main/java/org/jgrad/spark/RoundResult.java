package org.jgrad.spark;

import java.io.Serializable;

/**
 * What one replica returns from a round: the mean loss over the workers at each step, a hash of
 * its final weights (the driver checks that all replicas agree), the final state (partition 0
 * only), the seconds spent computing and exchanging, and, if a worker's loss was not finite, the
 * partition and step where it happened (then the round stopped there on every replica).
 */
record RoundResult(int partition, double[] losses, long parameterHash, byte[] state, double computeSeconds,
        double syncSeconds, int badPartition, long badStep, float badLoss) implements Serializable {

    boolean failed() {
        return badPartition >= 0;
    }
}
