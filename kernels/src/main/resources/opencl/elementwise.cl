// Unary, binary, where, strided copy and casts. Ops are UnaryOp and BinaryOp (ops.h); an unknown
// op yields NaN (OpenCL C has no trap), which the op-table conformance test would catch.

inline float unary_op(int op, float x, float alpha) {
    switch (op) {
        case NEG: return -x;
        case EXP: return exp(x);
        case LOG: return log(x);
        case SQRT: return sqrt(x);
        case ABS: return fabs(x);
        case SIGN: return isnan(x) ? x : (x > 0.0f ? 1.0f : (x < 0.0f ? -1.0f : x));
        case RELU: return isnan(x) ? x : (x > 0.0f ? x : 0.0f);
        case LEAKY_RELU: return x > 0.0f ? x : alpha * x;
        case SIGMOID: return 1.0f / (1.0f + exp(-x));
        // tanh rounds to exactly +-1 in float from |x| = 9.0109138f on; PoCL's never reaches it (a
        // saturated unit would leak gradient 1 - y^2), so saturate there as a correctly rounded tanh does
        case TANH: return fabs(x) >= 9.0109138f ? copysign(1.0f, x) : tanh(x);
        case GELU: return 0.5f * x * (1.0f + erf(x * M_SQRT1_2_F));
        case ERF: return erf(x);
        default: return NAN;
    }
}

__kernel void unary(int op, float alpha, int n, __global const float* x, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        out[i] = unary_op(op, x[i], alpha);
    }
}

inline float binary_op(int op, float a, float b) {
    switch (op) {
        case ADD: return a + b;
        case SUB: return a - b;
        case MUL: return a * b;
        case DIV: return a / b;
        case POW: return pow(a, b);
        case MAXIMUM: return isnan(a) || isnan(b) ? NAN : (a >= b ? a : b);
        case MINIMUM: return isnan(a) || isnan(b) ? NAN : (a <= b ? a : b);
        case EQ: return a == b ? 1.0f : 0.0f;
        case NE: return a != b ? 1.0f : 0.0f;
        case LT: return a < b ? 1.0f : 0.0f;
        case LE: return a <= b ? 1.0f : 0.0f;
        case GT: return a > b ? 1.0f : 0.0f;
        case GE: return a >= b ? 1.0f : 0.0f;
        default: return NAN;
    }
}

__kernel void binary(int op, int n, int rank, int8 shape,
                     __global const float* a, int aOffset, int8 aStrides,
                     __global const float* b, int bOffset, int8 bStrides,
                     __global float* out, int outOffset) {
    int i = get_global_id(0);
    if (i < n) {
        out[outOffset + i] = binary_op(op, a[aOffset + strided_offset(i, rank, shape, aStrides)],
                                       b[bOffset + strided_offset(i, rank, shape, bStrides)]);
    }
}

__kernel void where_select(int n, int rank, int8 shape,
                           __global const float* cond, int condOffset, int8 condStrides,
                           __global const float* a, int aOffset, int8 aStrides,
                           __global const float* b, int bOffset, int8 bStrides,
                           __global float* out, int outOffset) {
    int i = get_global_id(0);
    if (i < n) {
        float c = cond[condOffset + strided_offset(i, rank, shape, condStrides)];
        out[outOffset + i] = c != 0.0f ? a[aOffset + strided_offset(i, rank, shape, aStrides)]
                                       : b[bOffset + strided_offset(i, rank, shape, bStrides)];
    }
}

// Moves words as they are: strided_copy 32-bit ones (FLOAT32 and INT32 alike), strided_copy_16
// 16-bit ones (FLOAT16 and BFLOAT16).
#define STRIDED_COPY(name, word)                                                                   \
    __kernel void name(int n, int rank, int8 shape,                                                \
                       __global const word* src, int srcOffset, int8 srcStrides,                   \
                       __global word* dst, int dstOffset, int8 dstStrides) {                       \
        int i = get_global_id(0);                                                                  \
        if (i < n) {                                                                               \
            dst[dstOffset + strided_offset(i, rank, shape, dstStrides)] =                          \
                    src[srcOffset + strided_offset(i, rank, shape, srcStrides)];                   \
        }                                                                                          \
    }
STRIDED_COPY(strided_copy, uint)
STRIDED_COPY(strided_copy_16, ushort)

// Round toward zero, saturating, NaN to 0: Java's (int) cast.
__kernel void cast_float_to_int(int n, __global const float* src, __global int* dst) {
    int i = get_global_id(0);
    if (i < n) {
        dst[i] = convert_int_sat_rtz(src[i]);
    }
}

__kernel void cast_int_to_float(int n, __global const int* src, __global float* dst) {
    int i = get_global_id(0);
    if (i < n) {
        dst[i] = convert_float(src[i]);
    }
}

// FLOAT16 and BFLOAT16 storage: casts to and from FLOAT32.

// Round to nearest even (vstore_half_rte); overflow gives infinity.
__kernel void cast_float_to_float16(int n, __global const float* src, __global half* dst) {
    int i = get_global_id(0);
    if (i < n) {
        vstore_half_rte(src[i], i, dst);
    }
}

__kernel void cast_float16_to_float(int n, __global const half* src, __global float* dst) {
    int i = get_global_id(0);
    if (i < n) {
        dst[i] = vload_half(i, src);
    }
}

// The upper 16 bits rounded to nearest even; a NaN stays a quiet NaN (as HalfFloats.floatToBfloat16).
__kernel void cast_float_to_bfloat16(int n, __global const float* src, __global ushort* dst) {
    int i = get_global_id(0);
    if (i < n) {
        uint bits = as_uint(src[i]);
        dst[i] = (bits & 0x7fffffffu) > 0x7f800000u ? (ushort) ((bits >> 16) | 0x40u)
                                                     : (ushort) ((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
    }
}

__kernel void cast_bfloat16_to_float(int n, __global const ushort* src, __global float* dst) {
    int i = get_global_id(0);
    if (i < n) {
        dst[i] = as_float(((uint) src[i]) << 16);
    }
}
