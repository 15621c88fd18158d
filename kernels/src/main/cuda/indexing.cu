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

// out(o, index(o, j, i), i) += src(o, j, i). Repeated indices meet in atomicAdd, so their sum's
// rounding may differ from run to run (as in PyTorch's index_add_ on CUDA).
extern "C" __global__ void scatter_add_f32(const float *src, int outer, int indexSize, int inner, const int *index,
                                           int outSize, float *out) {
    JG_FOR_EACH(at, (long long) outer * indexSize * inner) {
        long long i = at % inner, o = at / inner / indexSize;
        atomicAdd(&out[(o * outSize + index[at]) * inner + i], src[at]);
    }
}
