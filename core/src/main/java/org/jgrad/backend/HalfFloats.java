package org.jgrad.backend;

/**
 * Bit-exact conversions between FLOAT32 and the 16-bit storage formats: IEEE binary16
 * ({@code FLOAT16}, safetensors {@code F16}) and bfloat16 (the upper half of a FLOAT32,
 * {@code BF16}). Narrowing rounds to nearest, ties to even, as PyTorch's {@code .half()} and
 * {@code .bfloat16()} do; overflow gives infinity and NaN stays NaN. Java 17 has no
 * {@code Float.floatToFloat16}, hence this class.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** The FLOAT32 value of the binary16 {@code bits}; exact. */
    public static float float16ToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }

    /** {@code value} rounded to the nearest binary16 (ties to even). */
    public static short floatToFloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | mantissa >>> 13));
        }
        int halfExponent = exponent - 112;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            // A subnormal half counts units of 2^-24: shift the mantissa, its leading 1 made explicit.
            return (short) (sign | roundShift(mantissa | 0x800000, 14 - halfExponent));
        }
        return (short) (sign | roundShift(halfExponent << 23 | mantissa, 13));
    }

    /** The FLOAT32 value of the bfloat16 {@code bits}; exact. */
    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** {@code value} rounded to the nearest bfloat16 (ties to even); NaN stays a quiet NaN. */
    public static short floatToBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) (bits >>> 16 | 0x40);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** {@code value >>> shift} rounded to nearest, ties to even; a carry may run into the exponent, as it should. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        return rest > half || (rest == half && (kept & 1) != 0) ? kept + 1 : kept;
    }
}
