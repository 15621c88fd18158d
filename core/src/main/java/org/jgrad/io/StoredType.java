package org.jgrad.io;

import java.util.Optional;
import org.jgrad.DType;

/**
 * The safetensors element types jgrad reads and writes, by their code in the header, in the
 * reference writer's order (its files put higher types first, then sort by name). Each is read
 * into the dtype jgrad computes in ({@link #dtype()}): the float types into FLOAT32, the integer
 * types into INT32; writing converts back (rounding to nearest even for F16 and BF16).
 */
public enum StoredType {
    /** IEEE binary16: half the bytes of F32, 11 significant bits, at most 65504. */
    F16(2, DType.FLOAT32),
    /** bfloat16: half the bytes of F32, F32's range, 8 significant bits. */
    BF16(2, DType.FLOAT32),
    I32(4, DType.INT32),
    F32(4, DType.FLOAT32),
    F64(8, DType.FLOAT32),
    /** PyTorch's integer type ({@code num_batches_tracked}); read into INT32 when the values fit. */
    I64(8, DType.INT32);

    private final int bytes;
    private final DType dtype;

    StoredType(int bytes, DType dtype) {
        this.bytes = bytes;
        this.dtype = dtype;
    }

    /** The dtype a tensor of this type is read into. */
    public DType dtype() {
        return dtype;
    }

    /** Bytes per element in the file. */
    public int bytes() {
        return bytes;
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
