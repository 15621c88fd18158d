package org.jgrad.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Tensor;

/**
 * What {@link SafeTensors#read} returns: the tensors by name and the header's {@code __metadata__}
 * strings (empty when it has none), both in the order of the file's header. The tensors are new and
 * belong to the caller (the current {@link org.jgrad.Scope}, if any, tracks them);
 * {@link #close()} frees them all.
 */
public record SafeTensorsContent(Map<String, Tensor> tensors, Map<String, String> metadata) implements AutoCloseable {

    public SafeTensorsContent {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Closes every tensor. */
    @Override
    public void close() {
        tensors.values().forEach(Tensor::close);
    }
}
