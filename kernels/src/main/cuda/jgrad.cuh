// Shared definitions of jgrad's CUDA kernels. Every kernel is extern "C" so the runtime finds it
// by its plain name; the op codes are the Java enums' ordinals, named in ops.h (shared with OpenCL).
#pragma once

#include "../resources/ops.h"

#define JG_MAX_DIMS 8

// The index space of a strided elementwise launch: up to three operands, each with its own
// strides and offset; the Java side merges dimensions so that most launches have rank 1 or 2.
struct Layout {
    int rank;
    int shape[JG_MAX_DIMS];
    int stride[3][JG_MAX_DIMS];
    int offset[3];
    int out_offset;  // where a contiguous output starts (binary, where)
};

// The element offset of operand `which` for the linear (row-major) index `i` of the shape.
__device__ __forceinline__ long long layout_offset(const Layout &l, int which, long long i) {
    long long off = l.offset[which];
    for (int d = l.rank - 1; d >= 0; d--) {
        int size = l.shape[d];
        off += (long long) (i % size) * l.stride[which][d];
        i /= size;
    }
    return off;
}

// Grid-stride loop over [0, n): any grid size covers any n.
#define JG_FOR_EACH(i, n) \
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < (n); \
         i += (long long) blockDim.x * gridDim.x)

// Java's Math.max / Math.min on floats: NaN wins, and +0 is above -0.
__device__ __forceinline__ float java_max(float a, float b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}

__device__ __forceinline__ float java_min(float a, float b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
