// Counter-based random fill, exactly org.jgrad.backend.Philox: element i is sample(seed, offset + i).
// UNIFORM is bit-identical to the CPU (the double arithmetic is spelled with _rn intrinsics so it
// is never contracted to FMA); NORMAL differs only where CUDA's double log/cos differ in the last
// place from StrictMath's.
#include "jgrad.cuh"

struct Words {
    unsigned int w[4];
};

// philox4x32-10 of counter (c0, c1, 0, 0) under key (k0, k1).
__device__ Words philox(unsigned long long counter, unsigned long long seed) {
    unsigned int c0 = (unsigned int) counter, c1 = (unsigned int) (counter >> 32), c2 = 0, c3 = 0;
    unsigned int k0 = (unsigned int) seed, k1 = (unsigned int) (seed >> 32);
    for (int round = 0; round < 10; round++) {
        unsigned int hi0 = __umulhi(0xD2511F53u, c0), lo0 = 0xD2511F53u * c0;
        unsigned int hi1 = __umulhi(0xCD9E8D57u, c2), lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    Words r = {{c0, c1, c2, c3}};
    return r;
}

#define TWO_POW_M24 (1.0 / 16777216.0)

// out[i] = (float) (a + (b - a) * u), u the top 24 bits of word (index mod 4) of block index / 4.
extern "C" __global__ void random_uniform(unsigned long long seed, unsigned long long offset, float a, float b,
                                          float *out, int n) {
    double low = a, width = __dsub_rn((double) b, (double) a);
    JG_FOR_EACH(i, n) {
        unsigned long long index = offset + i;
        Words words = philox(index >> 2, seed);
        double u = (words.w[index & 3] >> 8) * TWO_POW_M24;
        out[i] = __double2float_rn(__dadd_rn(low, __dmul_rn(width, u)));
    }
}

// Box-Muller (cosine branch) on words 2p and 2p + 1 of block index / 2, p = index mod 2.
extern "C" __global__ void random_normal(unsigned long long seed, unsigned long long offset, float mean, float std,
                                         float *out, int n) {
    JG_FOR_EACH(i, n) {
        unsigned long long index = offset + i;
        Words words = philox(index >> 1, seed);
        int pair = (int) (index & 1) * 2;
        double u1 = ((words.w[pair] >> 8) + 1) * TWO_POW_M24;
        double u2 = (words.w[pair + 1] >> 8) * TWO_POW_M24;
        double r = __dmul_rn(sqrt(__dmul_rn(-2.0, log(u1))), cos(__dmul_rn(2.0 * 3.141592653589793, u2)));
        out[i] = __double2float_rn(__dadd_rn((double) mean, __dmul_rn((double) std, r)));
    }
}
