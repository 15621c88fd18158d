// Gather / scatter-add along the middle axis of (outer, size, inner) views, and the index check
// that runs first when an index buffer's range is not known on the host.

// firstBad holds INT_MAX before the launch; afterwards the lowest position of an index outside [0, bound).
__kernel void find_bad_index(int n, int bound, __global const int* index, __global int* firstBad) {
    int i = get_global_id(0);
    if (i < n && (index[i] < 0 || index[i] >= bound)) {
        atomic_min(firstBad, i);
    }
}

__kernel void gather(int outer, int srcSize, int inner, int indexSize, __global const float* src,
                     __global const int* index, __global float* out) {
    int g = get_global_id(0);
    if (g >= outer * indexSize * inner) {
        return;
    }
    int i = g % inner;
    int o = g / (indexSize * inner);
    out[g] = src[((long) o * srcSize + index[g]) * inner + i];
}

// One work-item per column (o, i): adds its j in order, so repeated indices sum as on the CPU.
__kernel void scatter_add(int outer, int indexSize, int inner, int outSize, __global const float* src,
                          __global const int* index, __global float* out) {
    int g = get_global_id(0);
    if (g >= outer * inner) {
        return;
    }
    int o = g / inner;
    int i = g - o * inner;
    for (int j = 0; j < indexSize; j++) {
        long at = ((long) o * indexSize + j) * inner + i;
        out[((long) o * outSize + index[at]) * inner + i] += src[at];
    }
}
