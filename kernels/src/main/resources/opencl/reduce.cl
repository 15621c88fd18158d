// Reductions of the middle axis of x viewed as (outer, size, inner); op is a ReduceOp (ops.h).
// An unknown op writes NaN (OpenCL C has no trap). Sums are compensated (Kahan) so long rows
// keep the digits the CPU backend's double accumulator keeps. MAX/MIN propagate NaN; the arg
// searches return the first index of the extreme, a NaN counting as the extreme.

inline float extreme(int op, float a, float b) {
    if (isnan(a) || isnan(b)) {
        return NAN;
    }
    return op == MAX ? (b > a ? b : a) : (b < a ? b : a);
}

inline bool known_reduce(int op) {
    return op == SUM || op == MAX || op == MIN || op == ARGMAX || op == ARGMIN;
}

inline bool writes_indices(int op) {
    return op == ARGMAX || op == ARGMIN;
}

// Whether v replaces best when met after it: strictly better, or the first NaN.
inline bool beats(int op, float v, float best) {
    return (op == ARGMAX ? v > best : v < best) || (isnan(v) && !isnan(best));
}

// Whether (v, i) should replace (best, bestIndex), the two met in either order.
inline bool wins(int op, float v, int i, float best, int bestIndex) {
    return beats(op, v, best) || (!beats(op, best, v) && i < bestIndex);
}

// Compensated sum step; the carry is dropped once the sum is infinite (inf - inf would make it NaN).
inline void kahan_add(float* acc, float* carry, float v) {
    float y = v - *carry;
    float t = *acc + y;
    *carry = isfinite(t) ? (t - *acc) - y : 0.0f;
    *acc = t;
}

// Folds element s of value v into a running result: compensated sum, extreme, or arg search.
inline void accumulate(int op, float* acc, float* carry, int* best, float v, int s) {
    if (op == SUM) {
        kahan_add(acc, carry, v);
    } else if (!writes_indices(op)) {
        *acc = extreme(op, *acc, v);
    } else if (beats(op, v, *acc)) {
        *acc = v;
        *best = s;
    }
}

// One work-item per output (o, j): walks its column of size elements.
__kernel void reduce_columns(int op, int outer, int size, int inner, __global const float* x,
                             __global float* out) {
    int g = get_global_id(0);
    if (g >= outer * inner) {
        return;
    }
    if (!known_reduce(op)) {
        out[g] = NAN;
        return;
    }
    int o = g / inner;
    int j = g - o * inner;
    __global const float* column = x + (long) o * size * inner + j;
    float acc = column[0];
    float carry = 0.0f;
    int best = 0;
    for (int s = 1; s < size; s++) {
        accumulate(op, &acc, &carry, &best, column[(long) s * inner], s);
    }
    if (!writes_indices(op)) {
        out[g] = acc;
    } else {
        ((__global int*) out)[g] = best;
    }
}

// inner == 1: one work-group of ROW_GROUP items per row; each item strides the row, then a tree
// in local memory combines the items' partial results.
#define ROW_GROUP 64
__kernel __attribute__((reqd_work_group_size(ROW_GROUP, 1, 1)))
void reduce_rows(int op, int size, __global const float* x, __global float* out) {
    __local float values[ROW_GROUP];
    __local int indices[ROW_GROUP];
    int row = get_group_id(0);
    int t = get_local_id(0);
    if (!known_reduce(op)) {
        out[row] = NAN;
        return;
    }
    __global const float* data = x + (long) row * size;
    float acc = op == SUM ? 0.0f : (t < size ? data[t] : data[0]);
    float carry = 0.0f;
    int best = t < size ? t : 0;
    for (int s = t; s < size; s += ROW_GROUP) {
        accumulate(op, &acc, &carry, &best, data[s], s);
    }
    values[t] = acc;
    indices[t] = best;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int span = ROW_GROUP / 2; span > 0; span >>= 1) {
        if (t < span) {
            float v = values[t + span];
            if (op == SUM) {
                values[t] += v;
            } else if (!writes_indices(op)) {
                values[t] = extreme(op, values[t], v);
            } else if (wins(op, v, indices[t + span], values[t], indices[t])) {
                values[t] = v;
                indices[t] = indices[t + span];
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (t == 0) {
        if (!writes_indices(op)) {
            out[row] = values[0];
        } else {
            ((__global int*) out)[row] = indices[0];
        }
    }
}
