// Batched SGEMM, C = alpha op(A) op(B) + beta C, row-major with GemmShape's offsets, leading
// dimensions and batch strides. A work-group of GEMM_THREADS x GEMM_THREADS items computes a
// GEMM_TILE x GEMM_TILE block of C, GEMM_WORK x GEMM_WORK outputs per item (rows and columns
// GEMM_THREADS apart, so neighbouring items touch neighbouring elements); the K dimension is
// walked in GEMM_DEPTH slices staged in local memory. beta == 0 never reads C; the host passes
// k = 0 when alpha is 0, so A and B are then not read either.
#define GEMM_TILE 64
#define GEMM_DEPTH 16
#define GEMM_THREADS 16
#define GEMM_WORK (GEMM_TILE / GEMM_THREADS)
#define GEMM_ITEMS (GEMM_THREADS * GEMM_THREADS)

// Stages the GEMM_TILE x GEMM_DEPTH slice (t0.., d0..) of an operand into tile[d][t]. Element
// (t, d) is stored at x[t * ld + d] when depthMajor (A, or B transposed), else at x[d * ld + t].
// Items read along the stored rows, so neighbours read neighbouring addresses. With vec4 (the
// host saw 16-byte aligned rows) each item reads one float4, else four single floats.
inline void stage(__local float (*tile)[GEMM_TILE + 1], __global const float* x, int ld, int depthMajor, int vec4,
                  int t0, int tEnd, int d0, int dEnd, int id) {
    if (vec4) {
        // one float4 per item: GEMM_TILE * GEMM_DEPTH == 4 * GEMM_ITEMS
        int t = depthMajor ? id / (GEMM_DEPTH / 4) : (id % (GEMM_TILE / 4)) * 4;
        int d = depthMajor ? (id % (GEMM_DEPTH / 4)) * 4 : id / (GEMM_TILE / 4);
        int gt = t0 + t;
        int gd = d0 + d;
        bool whole = depthMajor ? gt < tEnd && gd + 3 < dEnd : gd < dEnd && gt + 3 < tEnd;
        float4 v = (float4) (0.0f);
        if (whole) {
            v = vload4(0, x + (depthMajor ? (long) gt * ld + gd : (long) gd * ld + gt));
        } else {
            float e[4];
            for (int q = 0; q < 4; q++) {
                int qt = depthMajor ? gt : gt + q;
                int qd = depthMajor ? gd + q : gd;
                e[q] = qt < tEnd && qd < dEnd ? x[depthMajor ? (long) qt * ld + qd : (long) qd * ld + qt] : 0.0f;
            }
            v = (float4) (e[0], e[1], e[2], e[3]);
        }
        if (depthMajor) {
            tile[d][t] = v.x;
            tile[d + 1][t] = v.y;
            tile[d + 2][t] = v.z;
            tile[d + 3][t] = v.w;
        } else {
            tile[d][t] = v.x;
            tile[d][t + 1] = v.y;
            tile[d][t + 2] = v.z;
            tile[d][t + 3] = v.w;
        }
        return;
    }
    for (int e = id; e < GEMM_TILE * GEMM_DEPTH; e += GEMM_ITEMS) {
        int t = depthMajor ? e / GEMM_DEPTH : e % GEMM_TILE;
        int d = depthMajor ? e % GEMM_DEPTH : e / GEMM_TILE;
        int gt = t0 + t;
        int gd = d0 + d;
        tile[d][t] = gt < tEnd && gd < dEnd ? x[depthMajor ? (long) gt * ld + gd : (long) gd * ld + gt] : 0.0f;
    }
}

__kernel __attribute__((reqd_work_group_size(GEMM_THREADS, GEMM_THREADS, 1)))
void gemm(int m, int n, int k, int transA, int transB, float alpha, float beta,
          __global const float* a, int offsetA, int lda, long strideA, int vecA,
          __global const float* b, int offsetB, int ldb, long strideB, int vecB,
          __global float* c, int offsetC, int ldc, long strideC) {
    __local float tileA[GEMM_DEPTH][GEMM_TILE + 1];
    __local float tileB[GEMM_DEPTH][GEMM_TILE + 1];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int id = ty * GEMM_THREADS + tx;
    int row0 = get_group_id(1) * GEMM_TILE;
    int col0 = get_group_id(0) * GEMM_TILE;
    long entry = get_global_id(2);
    a += offsetA + entry * strideA;
    b += offsetB + entry * strideB;
    c += offsetC + entry * strideC;
    float acc[GEMM_WORK][GEMM_WORK];
    for (int i = 0; i < GEMM_WORK; i++) {
        for (int j = 0; j < GEMM_WORK; j++) {
            acc[i][j] = 0.0f;
        }
    }
    for (int k0 = 0; k0 < k; k0 += GEMM_DEPTH) {
        stage(tileA, a, lda, !transA, vecA, row0, m, k0, k, id);
        stage(tileB, b, ldb, transB, vecB, col0, n, k0, k, id);
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int d = 0; d < GEMM_DEPTH; d++) {
            float av[GEMM_WORK];
            float bv[GEMM_WORK];
            for (int i = 0; i < GEMM_WORK; i++) {
                av[i] = tileA[d][ty + i * GEMM_THREADS];
                bv[i] = tileB[d][tx + i * GEMM_THREADS];
            }
            for (int i = 0; i < GEMM_WORK; i++) {
                for (int j = 0; j < GEMM_WORK; j++) {
                    acc[i][j] += av[i] * bv[j];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int i = 0; i < GEMM_WORK; i++) {
        int gr = row0 + ty + i * GEMM_THREADS;
        for (int j = 0; j < GEMM_WORK; j++) {
            int gc = col0 + tx + j * GEMM_THREADS;
            if (gr < m && gc < n) {
                __global float* out = c + (long) gr * ldc + gc;
                *out = beta == 0.0f ? alpha * acc[i][j] : alpha * acc[i][j] + beta * *out;
            }
        }
    }
}

// The product for CPU devices (PoCL), which run a work-group as a loop over its items: no local
// memory or barriers; each item keeps a BLOCK_ROWS x 16 block of C in float16 accumulators, reading a
// float16 of B's row and broadcasting BLOCK_ROWS values of A per step of k (a register-tiled kernel
// written out, rather than left to the implicit vectoriser).
#define BLOCK_ROWS 8
__kernel void gemm_block(int m, int n, int k, int transA, int transB, float alpha, float beta,
                         __global const float* a, int offsetA, int lda, long strideA,
                         __global const float* b, int offsetB, int ldb, long strideB,
                         __global float* c, int offsetC, int ldc, long strideC) {
    int j0 = get_global_id(0) * 16;
    int i0 = get_global_id(1) * BLOCK_ROWS;
    long entry = get_global_id(2);
    if (j0 >= n || i0 >= m) {
        return;
    }
    a += offsetA + entry * strideA;
    b += offsetB + entry * strideB;
    c += offsetC + entry * strideC;
    int rows = min(BLOCK_ROWS, m - i0);
    int cols = min(16, n - j0);
    float16 acc[BLOCK_ROWS];
    for (int r = 0; r < BLOCK_ROWS; r++) {
        acc[r] = (float16) (0.0f);
    }
    for (int p = 0; p < k; p++) {
        float16 bv;
        if (!transB && cols == 16) {
            bv = vload16(0, b + (long) p * ldb + j0);
        } else {
            float e[16];
            for (int q = 0; q < 16; q++) {
                e[q] = q < cols ? b[transB ? (long) (j0 + q) * ldb + p : (long) p * ldb + j0 + q] : 0.0f;
            }
            bv = vload16(0, e);
        }
        for (int r = 0; r < BLOCK_ROWS; r++) {
            float av = r < rows ? a[transA ? (long) p * lda + i0 + r : (long) (i0 + r) * lda + p] : 0.0f;
            acc[r] += av * bv;
        }
    }
    for (int r = 0; r < rows; r++) {
        float e[16];
        vstore16(acc[r], 0, e);
        for (int q = 0; q < cols; q++) {
            __global float* out = c + (long) (i0 + r) * ldc + j0 + q;
            *out = beta == 0.0f ? alpha * e[q] : alpha * e[q] + beta * *out;
        }
    }
}
