package org.jgrad.spark;

import java.io.Serializable;

/**
 * One round, broadcast to every replica: the global steps {@code [firstStep, firstStep + steps)},
 * all inside one epoch, starting from {@code state} (checkpoint bytes of the driver's replica).
 */
record RoundPlan(long firstStep, int steps, byte[] state) implements Serializable {
}
