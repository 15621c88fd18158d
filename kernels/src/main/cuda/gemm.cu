// nvcc-flags: -fmad=true
// Our own SGEMM, used when cuBLAS cannot load: C[b] = alpha op(A[b]) op(B[b]) + beta C[b], all
// row-major, as org.jgrad.backend.GemmShape describes. 64 x 64 tiles of C per block, 16 x 16
// threads each computing 4 x 4 outputs, k in steps of 16 through shared memory. beta == 0 never
// reads C (it may hold NaN), as BLAS specifies. This file alone contracts to FMA: it is throughput.
#define TILE 64
#define TK 16
#define PER 4

struct GemmArgs {
    int m, n, k, transA, transB;
    float alpha, beta;
    int lda, ldb, ldc;
    long long offsetA, strideA, offsetB, strideB, offsetC, strideC;
};

extern "C" __global__ void sgemm_tiled(GemmArgs g, const float *a, const float *b, float *c) {
    __shared__ float as[TK][TILE + 1];
    __shared__ float bs[TK][TILE + 1];
    const float *A = a + g.offsetA + blockIdx.z * g.strideA;
    const float *B = b + g.offsetB + blockIdx.z * g.strideB;
    float *C = c + g.offsetC + blockIdx.z * g.strideC;
    int row0 = blockIdx.y * TILE, col0 = blockIdx.x * TILE;
    int tx = threadIdx.x, ty = threadIdx.y, t = ty * 16 + tx;
    float acc[PER][PER] = {};
    for (int k0 = 0; k0 < g.k; k0 += TK) {
        // 256 threads load the 64 x 16 slice of op(A) and the 16 x 64 slice of op(B), 4 each
        for (int e = t; e < TILE * TK; e += 256) {
            int r = e / TK, kk = e % TK;  // op(A) element (row0 + r, k0 + kk)
            int gr = row0 + r, gk = k0 + kk;
            as[kk][r] = gr < g.m && gk < g.k ? A[g.transA ? (long long) gk * g.lda + gr : (long long) gr * g.lda + gk] : 0.0f;
            int kb = e / TILE, cc = e % TILE;  // op(B) element (k0 + kb, col0 + cc)
            int gkb = k0 + kb, gc = col0 + cc;
            bs[kb][cc] = gkb < g.k && gc < g.n ? B[g.transB ? (long long) gc * g.ldb + gkb : (long long) gkb * g.ldb + gc] : 0.0f;
        }
        __syncthreads();
        for (int kk = 0; kk < TK; kk++) {
            float av[PER], bv[PER];
            for (int p = 0; p < PER; p++) {
                av[p] = as[kk][ty + 16 * p];
                bv[p] = bs[kk][tx + 16 * p];
            }
            for (int i = 0; i < PER; i++)
                for (int j = 0; j < PER; j++) acc[i][j] += av[i] * bv[j];
        }
        __syncthreads();
    }
    for (int i = 0; i < PER; i++) {
        int r = row0 + ty + 16 * i;
        for (int j = 0; j < PER; j++) {
            int col = col0 + tx + 16 * j;
            if (r < g.m && col < g.n) {
                float *dst = C + (long long) r * g.ldc + col;
                *dst = g.beta == 0.0f ? g.alpha * acc[i][j] : g.alpha * acc[i][j] + g.beta * *dst;
            }
        }
    }
}
