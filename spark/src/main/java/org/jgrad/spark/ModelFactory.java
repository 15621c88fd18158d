package org.jgrad.spark;

import java.io.Serializable;
import org.jgrad.nn.Module;

/** Builds a fresh model; Spark ships it to every executor, so a lambda given for it must be serializable. */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    Module create();
}
