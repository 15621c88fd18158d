// Gather and scatter-add along the middle axis of (outer, size, inner) views, and the index check
// that runs before either so that a bad index throws before anything is written.
#include "jgrad.cuh"

// firstBad holds the lowest position whose index lies outside [0, bound); the host sets it to n first.
extern "C" __global__ void check_indices(const int *index, int n, int bound, int *firstBad) {
    JG_FOR_EACH(i, n) {
        if (index[i] < 0 || index[i] >= bound) atomicMin(firstBad, (int) i);
    }
}

// out(o, j, i) = src(o, index(o, j, i), i); one thread per output element.
extern "C" __global__ void gather_f32(const float *src, int outer, int srcSize, int inner, const int *index,
                                      int indexSize, float *out) {
    JG_FOR_EACH(at, (long long) outer * indexSize * inner) {
        long long i = at % inner, o = at / inner / indexSize;
        out[at] = src[(o * srcSize + index[at]) * inner + i];
    }
}

// out(o, index(o, j, i), i) += src(o, j, i). One thread per column (o, i) adds its j in order, so
// repeated indices sum in one order, the same on every run (and as on the CPU and OpenCL): no
// atomics. The cost is a loop of indexSize per thread, which only an Embedding backward (one
// column per feature, every token in its loop) feels.
extern "C" __global__ void scatter_add_f32(const float *src, int outer, int indexSize, int inner, const int *index,
                                           int outSize, float *out) {
    JG_FOR_EACH(column, (long long) outer * inner) {
        long long o = column / inner, i = column - o * inner;
        for (int j = 0; j < indexSize; j++) {
            long long at = (o * indexSize + j) * inner + i;
            out[(o * outSize + index[at]) * inner + i] += src[at];
        }
    }
}
