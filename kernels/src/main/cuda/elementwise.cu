// Fill, cast, unary, binary, where and strided copy. Transcendentals are computed in double and
// rounded once, as the CPU reference does, so results agree with it to the last bit or two.
#include "jgrad.cuh"

// The rational erf approximation of the CPU backend (Eigen's and XLA's), in the same order.
__device__ __forceinline__ float float_erf(float x) {
    float z = java_max(-4.0f, java_min(4.0f, x));  // NaN stays NaN (fminf would clamp it to 4)
    float z2 = z * z;
    float p = (((((-2.72614225801306e-10f * z2 + 2.77068142495902e-08f) * z2 - 2.10102402082508e-06f) * z2
        - 5.69250639462346e-05f) * z2 - 7.34990630326855e-04f) * z2 - 2.95459980854025e-03f) * z2
        - 1.60960333262415e-02f;
    float q = (((-1.45660718464996e-05f * z2 - 2.13374055278905e-04f) * z2 - 1.68282697438203e-03f) * z2
        - 7.37332916720468e-03f) * z2 - 1.42647390514189e-02f;
    return z * p / q;
}

__device__ __forceinline__ float apply_unary(int op, float alpha, float x) {
    switch (op) {
    case NEG: return -x;
    case EXP: return (float) exp((double) x);
    case LOG: return (float) log((double) x);
    case SQRT: return sqrtf(x);
    case ABS: return fabsf(x);
    case SIGN: return x > 0 ? 1.0f : x < 0 ? -1.0f : x;
    case RELU: return java_max(x, 0.0f);
    case LEAKY_RELU: return x > 0 ? x : alpha * x;
    case SIGMOID: return (float) (1.0 / (1.0 + exp(-(double) x)));
    case TANH: return (float) tanh((double) x);
    case GELU: return 0.5f * x * (1.0f + float_erf(x * 0.70710678118654752f));
    case ERF: return float_erf(x);
    default: __trap();
    }
}

// Java's Math.pow where C's pow differs: a NaN exponent, and |a| = 1 with an infinite exponent.
__device__ __forceinline__ float java_pow(float a, float b) {
    if (b != b || (fabsf(a) == 1.0f && isinf(b))) return __int_as_float(0x7fc00000);
    return (float) pow((double) a, (double) b);
}

__device__ __forceinline__ float apply_binary(int op, float a, float b) {
    switch (op) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return a / b;
    case POW: return java_pow(a, b);
    case MAXIMUM: return java_max(a, b);
    case MINIMUM: return java_min(a, b);
    case EQ: return a == b ? 1.0f : 0.0f;
    case NE: return a != b ? 1.0f : 0.0f;
    case LT: return a < b ? 1.0f : 0.0f;
    case LE: return a <= b ? 1.0f : 0.0f;
    case GT: return a > b ? 1.0f : 0.0f;
    case GE: return a >= b ? 1.0f : 0.0f;
    default: __trap();
    }
}

// Both dtypes are 32-bit words: FLOAT32 fills pass the float's bits, INT32 fills the int.
extern "C" __global__ void fill_u32(unsigned int *out, unsigned int bits, int n) {
    JG_FOR_EACH(i, n) out[i] = bits;
}

// Java's (int) cast: toward zero, saturating, NaN to 0 (PTX cvt.rzi does all three).
extern "C" __global__ void cast_f32_i32(const float *src, int *dst, int n) {
    JG_FOR_EACH(i, n) dst[i] = __float2int_rz(src[i]);
}

extern "C" __global__ void cast_i32_f32(const int *src, float *dst, int n) {
    JG_FOR_EACH(i, n) dst[i] = __int2float_rn(src[i]);
}

extern "C" __global__ void unary_f32(int op, float alpha, const float *x, float *out, int n) {
    JG_FOR_EACH(i, n) out[i] = apply_unary(op, alpha, x[i]);
}

// Operands: 0 = a, 1 = b; out is contiguous from l.out_offset.
extern "C" __global__ void binary_f32(int op, Layout l, const float *a, const float *b, float *out, int n) {
    JG_FOR_EACH(i, n) out[l.out_offset + i] = apply_binary(op, a[layout_offset(l, 0, i)], b[layout_offset(l, 1, i)]);
}

// Operands: 0 = cond, 1 = a, 2 = b; out is contiguous from l.out_offset.
extern "C" __global__ void where_f32(Layout l, const float *cond, const float *a, const float *b, float *out, int n) {
    JG_FOR_EACH(i, n) {
        out[l.out_offset + i] = cond[layout_offset(l, 0, i)] != 0.0f ? a[layout_offset(l, 1, i)]
                                                                    : b[layout_offset(l, 2, i)];
    }
}

// Operands: 0 = src, 1 = dst; any 32-bit dtype.
extern "C" __global__ void copy_u32(Layout l, const unsigned int *src, unsigned int *dst, int n) {
    JG_FOR_EACH(i, n) dst[layout_offset(l, 1, i)] = src[layout_offset(l, 0, i)];
}

// ---- FLOAT16 and BFLOAT16 storage: 16-bit words moved as they are, and casts to and from FLOAT32,
// in integer arithmetic (no half intrinsics), rounding to nearest even as the CPU's HalfFloats does.

extern "C" __global__ void fill_u16(unsigned short *out, unsigned int bits, int n) {
    JG_FOR_EACH(i, n) out[i] = (unsigned short) bits;
}

extern "C" __global__ void copy_u16(Layout l, const unsigned short *src, unsigned short *dst, int n) {
    JG_FOR_EACH(i, n) dst[layout_offset(l, 1, i)] = src[layout_offset(l, 0, i)];
}

// value >> shift, rounded to nearest, ties to even; a carry may run into the exponent, as it should.
__device__ __forceinline__ unsigned int round_shift(unsigned int value, int shift) {
    unsigned int kept = value >> shift;
    unsigned int rest = value & ((1u << shift) - 1u);
    unsigned int half = 1u << (shift - 1);
    return rest > half || (rest == half && (kept & 1u)) ? kept + 1u : kept;
}

__device__ __forceinline__ unsigned short float_to_f16(float x) {
    unsigned int bits = __float_as_uint(x);
    unsigned int sign = (bits >> 16) & 0x8000u;
    int exponent = (int) ((bits >> 23) & 0xffu);
    unsigned int mantissa = bits & 0x7fffffu;
    if (exponent == 0xff) return (unsigned short) (sign | 0x7c00u | (mantissa ? 0x200u | (mantissa >> 13) : 0u));
    int e = exponent - 112;
    if (e >= 0x1f) return (unsigned short) (sign | 0x7c00u);
    if (e <= 0) {
        if (e < -10) return (unsigned short) sign;
        return (unsigned short) (sign | round_shift(mantissa | 0x800000u, 14 - e));
    }
    return (unsigned short) (sign | round_shift(((unsigned int) e << 23) | mantissa, 13));
}

__device__ __forceinline__ float f16_to_float(unsigned short h) {
    unsigned int sign = ((unsigned int) h & 0x8000u) << 16;
    unsigned int exponent = ((unsigned int) h >> 10) & 0x1fu;
    unsigned int mantissa = (unsigned int) h & 0x3ffu;
    if (exponent == 0x1f) return __uint_as_float(sign | 0x7f800000u | (mantissa << 13));
    if (exponent == 0) {
        float magnitude = (float) mantissa * 5.9604644775390625e-8f;  // 2^-24, exact
        return sign ? -magnitude : magnitude;
    }
    return __uint_as_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

extern "C" __global__ void cast_f32_f16(const float *src, unsigned short *dst, int n) {
    JG_FOR_EACH(i, n) dst[i] = float_to_f16(src[i]);
}

extern "C" __global__ void cast_f16_f32(const unsigned short *src, float *dst, int n) {
    JG_FOR_EACH(i, n) dst[i] = f16_to_float(src[i]);
}

// The upper 16 bits rounded to nearest even; a NaN stays a quiet NaN.
extern "C" __global__ void cast_f32_bf16(const float *src, unsigned short *dst, int n) {
    JG_FOR_EACH(i, n) {
        unsigned int bits = __float_as_uint(src[i]);
        dst[i] = (bits & 0x7fffffffu) > 0x7f800000u ? (unsigned short) ((bits >> 16) | 0x40u)
                                                     : (unsigned short) ((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
    }
}

extern "C" __global__ void cast_bf16_f32(const unsigned short *src, float *dst, int n) {
    JG_FOR_EACH(i, n) dst[i] = __uint_as_float((unsigned int) src[i] << 16);
}
