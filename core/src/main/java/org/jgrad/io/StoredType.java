package org.jgrad.io;

import java.util.Optional;
import org.jgrad.DType;

/**
 * The safetensors element types jgrad reads and writes, by their code in the header, in the
 * reference writer's order (its files put higher types first, then sort by name).
 */
enum StoredType {
    I32(DType.INT32),
    F32(DType.FLOAT32);

    private final DType dtype;

    StoredType(DType dtype) {
        this.dtype = dtype;
    }

    DType dtype() {
        return dtype;
    }

    /** Bytes per element. */
    int bytes() {
        return dtype.bytes();
    }

    static StoredType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> F32;
            case INT32 -> I32;
        };
    }

    /** The type with header code {@code code} ("F32"), or empty for codes jgrad does not read. */
    static Optional<StoredType> parse(String code) {
        for (StoredType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
