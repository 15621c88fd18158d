package org.jgrad;

/**
 * Element types a tensor can hold. FLOAT32 computes; INT32 carries labels and indices. FLOAT16
 * (IEEE binary16) and BFLOAT16 are storage types, half the memory of FLOAT32: every backend holds
 * them, casts them to and from FLOAT32 ({@link Tensor#to(DType)}; narrowing rounds to nearest
 * even) and copies them (reshape, permute, slice, cat), and elementwise ops read them as FLOAT32;
 * the other ops take FLOAT32 and say so. Compute stays FLOAT32: the first step towards mixed
 * precision.
 */
public enum DType {
    FLOAT32(4),
    INT32(4),
    FLOAT16(2),
    BFLOAT16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether this is a 16-bit float storage type (FLOAT16 or BFLOAT16). */
    public boolean isHalf() {
        return this == FLOAT16 || this == BFLOAT16;
    }
}
