package org.jgrad.io;

import java.util.Objects;
import org.jgrad.DType;

/**
 * The safetensors types a write stores FLOAT32 and INT32 tensors as: {@link #EXACT} keeps them
 * (F32, I32); {@link #PYTORCH} writes integers as I64, as PyTorch's state dicts hold them
 * ({@code num_batches_tracked}); {@link #floats} narrows the float tensors, e.g. to BF16, which
 * halves a checkpoint (compute stays FLOAT32: reading widens them back).
 *
 * @param floats the type FLOAT32 tensors are written as: F32, F16, BF16 or F64
 * @param integers the type INT32 tensors are written as: I32 or I64
 */
public record StorageTypes(StoredType floats, StoredType integers) {
    /** FLOAT32 as F32, INT32 as I32. */
    public static final StorageTypes EXACT = new StorageTypes(StoredType.F32, StoredType.I32);
    /** FLOAT32 as F32, INT32 as I64: what {@code torch.save} of a state dict holds. */
    public static final StorageTypes PYTORCH = new StorageTypes(StoredType.F32, StoredType.I64);

    public StorageTypes {
        Objects.requireNonNull(floats, "floats");
        Objects.requireNonNull(integers, "integers");
        if (floats.dtype() != DType.FLOAT32 || integers.dtype() != DType.INT32) {
            throw new IllegalArgumentException("StorageTypes: floats must be F32, F16, BF16 or F64 and integers I32 or"
                    + " I64, got floats " + floats + " and integers " + integers);
        }
    }

    /** These types with the float tensors written as {@code type}. */
    public StorageTypes floats(StoredType type) {
        return new StorageTypes(type, integers);
    }

    /** The type a tensor of {@code dtype} is written as; FLOAT16 and BFLOAT16 tensors keep their type. */
    StoredType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> floats;
            case INT32 -> integers;
            case FLOAT16 -> StoredType.F16;
            case BFLOAT16 -> StoredType.BF16;
        };
    }
}
