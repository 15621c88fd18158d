package org.jgrad.data;

/** A dataset divided into disjoint training and validation parts. */
public record Split(Dataset train, Dataset validation) {
}
