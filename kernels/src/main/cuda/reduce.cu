// Reductions of the middle axis of x viewed as (outer, size, inner). Sums accumulate in double
// (the CPU reference does too); MAX/MIN propagate NaN; ARGMAX/ARGMIN give the first extreme index,
// a NaN counting as the extreme.
#include "jgrad.cuh"

#define JG_REDUCE_THREADS 256

// Whether (v, iv) replaces (best, ib) in an arg search: strictly better, NaN first, ties to the lower index.
__device__ __forceinline__ bool arg_beats(bool max, float v, int iv, float best, int ib) {
    bool vNan = v != v, bNan = best != best;
    if (vNan || bNan) return vNan && (!bNan || iv < ib);
    if (v == best) return iv < ib;
    return max ? v > best : v < best;
}

struct Partial {
    double sum;
    float value;
    int index;
};

__device__ __forceinline__ Partial combine(int op, Partial a, Partial b) {
    switch (op) {
    case SUM: a.sum += b.sum; return a;
    case MAX: a.value = java_max(a.value, b.value); return a;
    case MIN: a.value = java_min(a.value, b.value); return a;
    case ARGMAX: case ARGMIN: return arg_beats(op == ARGMAX, b.value, b.index, a.value, a.index) ? b : a;
    default: __trap();
    }
}

__device__ __forceinline__ Partial leaf(float v, int s) {
    Partial p;
    p.sum = v;
    p.value = v;
    p.index = s;
    return p;
}

__device__ __forceinline__ void store(int op, void *out, long long at, Partial p) {
    if (op == ARGMAX || op == ARGMIN) ((int *) out)[at] = p.index;
    else ((float *) out)[at] = op == SUM ? (float) p.sum : p.value;
}

// inner == 1: one block per row, threads stride the row, then a tree in shared memory.
extern "C" __global__ void reduce_rows(int op, const float *x, int outer, int size, void *out) {
    __shared__ Partial part[JG_REDUCE_THREADS];
    for (int row = blockIdx.x; row < outer; row += gridDim.x) {
        const float *r = x + (long long) row * size;
        int t = threadIdx.x;
        // a thread past the row's end starts from a neutral element: 0 for SUM, element 0 otherwise
        Partial acc = t < size ? leaf(r[t], t) : leaf(op == SUM ? 0.0f : r[0], 0);
        for (int s = t + blockDim.x; s < size; s += blockDim.x) acc = combine(op, acc, leaf(r[s], s));
        part[t] = acc;
        __syncthreads();
        for (int half = blockDim.x / 2; half > 0; half /= 2) {
            if (t < half) part[t] = combine(op, part[t], part[t + half]);
            __syncthreads();
        }
        if (t == 0) store(op, out, row, part[0]);
        __syncthreads();
    }
}

// inner > 1: one thread per output (o, i), walking s down its column; reads are coalesced across i.
extern "C" __global__ void reduce_columns(int op, const float *x, int outer, int size, int inner, void *out) {
    JG_FOR_EACH(at, (long long) outer * inner) {
        long long o = at / inner, i = at % inner;
        const float *col = x + o * size * inner + i;
        Partial acc = leaf(col[0], 0);
        for (int s = 1; s < size; s++) acc = combine(op, acc, leaf(col[(long long) s * inner], s));
        store(op, out, at, acc);
    }
}
