package org.jgrad.spark;

import java.io.Serializable;
import org.jgrad.loss.Loss;

/** Builds the loss on each executor; the default is {@code CrossEntropyLoss::new}. */
@FunctionalInterface
public interface LossFactory extends Serializable {
    Loss create();
}
