package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.HalfFloats;

/**
 * Casts where one side is FLOAT16 or BFLOAT16: each element read as FLOAT32, then written in the
 * destination's type (to 16 bits rounding to nearest even; to INT32 toward zero, as Java's cast).
 */
final class HalfCast {
    private HalfCast() {
    }

    /** Converts elements [from, to) of {@code src} into {@code dst}. */
    static void run(CpuBuffer src, CpuBuffer dst, int from, int to) {
        for (int i = from; i < to; i++) {
            float value = switch (src.dtype()) {
                case FLOAT32 -> src.floats()[i];
                case INT32 -> src.ints()[i];
                case FLOAT16, BFLOAT16 -> widen(src.dtype(), src.halves()[i]);
            };
            switch (dst.dtype()) {
                case FLOAT32 -> dst.floats()[i] = value;
                case INT32 -> dst.ints()[i] = (int) value;
                case FLOAT16, BFLOAT16 -> dst.halves()[i] = narrow(dst.dtype(), value);
            }
        }
    }

    static short narrow(DType type, float value) {
        return type == DType.FLOAT16 ? HalfFloats.floatToFloat16(value) : HalfFloats.floatToBfloat16(value);
    }

    static float widen(DType type, short bits) {
        return type == DType.FLOAT16 ? HalfFloats.float16ToFloat(bits) : HalfFloats.bfloat16ToFloat(bits);
    }
}
