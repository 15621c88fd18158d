// Batched SGEMM, C = alpha op(A) op(B) + beta C, row-major with GemmShape's offsets, leading
// dimensions and batch strides. A work-group of GEMM_THREADS x GEMM_THREADS items computes a
// GEMM_TILE x GEMM_TILE block of C, GEMM_WORK x GEMM_WORK outputs per item (rows and columns
// GEMM_THREADS apart, so neighbouring items touch neighbouring elements); the K dimension is
// walked in GEMM_DEPTH slices staged in local memory. Loads follow the stored layout, so
// consecutive items read consecutive addresses for either transpose. beta == 0 never reads C.
// The host passes k = 0 when alpha is 0, so A and B are then not read either.
#define GEMM_TILE 64
#define GEMM_DEPTH 16
#define GEMM_THREADS 16
#define GEMM_WORK (GEMM_TILE / GEMM_THREADS)
#define GEMM_LOADS (GEMM_TILE * GEMM_DEPTH / (GEMM_THREADS * GEMM_THREADS))

__kernel __attribute__((reqd_work_group_size(GEMM_THREADS, GEMM_THREADS, 1)))
void gemm(int m, int n, int k, int transA, int transB, float alpha, float beta,
          __global const float* a, int offsetA, int lda, long strideA,
          __global const float* b, int offsetB, int ldb, long strideB,
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
        for (int l = 0; l < GEMM_LOADS; l++) {
            int e = id + l * GEMM_THREADS * GEMM_THREADS;
            // op(A)(r, d): stored A[r][d], or A[d][r] when transposed; the faster index runs along memory
            int d = transA ? e / GEMM_TILE : e % GEMM_DEPTH;
            int r = transA ? e % GEMM_TILE : e / GEMM_DEPTH;
            int gr = row0 + r;
            int gd = k0 + d;
            tileA[d][r] = gr < m && gd < k ? a[transA ? (long) gd * lda + gr : (long) gr * lda + gd] : 0.0f;
            // op(B)(d, s): stored B[d][s], or B[s][d] when transposed
            int d2 = transB ? e % GEMM_DEPTH : e / GEMM_TILE;
            int s = transB ? e / GEMM_DEPTH : e % GEMM_TILE;
            int gs = col0 + s;
            int gd2 = k0 + d2;
            tileB[d2][s] = gs < n && gd2 < k ? b[transB ? (long) gs * ldb + gd2 : (long) gd2 * ldb + gs] : 0.0f;
        }
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
