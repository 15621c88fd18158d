// Counter-based random fill: Philox4x32-10 exactly as org.jgrad.backend.Philox defines it.
// Uniform element j: word j mod 4 of block j/4; normal element j: words 2(j mod 2), 2(j mod 2)+1
// of block j/2 through Box-Muller. With fp64 the final affine step and Box-Muller run in double,
// as the reference does, so uniforms match it bit for bit.

inline uint4 philox(ulong seed, ulong counter) {
    uint c0 = (uint) counter;
    uint c1 = (uint) (counter >> 32);
    uint c2 = 0;
    uint c3 = 0;
    uint k0 = (uint) seed;
    uint k1 = (uint) (seed >> 32);
    for (int round = 0; round < 10; round++) {
        uint hi0 = mul_hi(0xD2511F53u, c0);
        uint lo0 = 0xD2511F53u * c0;
        uint hi1 = mul_hi(0xCD9E8D57u, c2);
        uint lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    return (uint4) (c0, c1, c2, c3);
}

inline uint word_of(uint4 words, int k) {
    return k == 0 ? words.x : k == 1 ? words.y : k == 2 ? words.z : words.w;
}

#ifdef JGRAD_FP64
typedef double real;
#define TWO_PI 6.283185307179586
#else
typedef float real;
#define TWO_PI 6.2831853f
#endif

__kernel void random_uniform(ulong seed, ulong offset, float a, float b, int n, __global float* out) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    ulong index = offset + (ulong) i;
    uint4 words = philox(seed, index >> 2);
    real u = (real) (word_of(words, (int) (index & 3)) >> 8) / (real) 16777216;
    out[i] = (float) ((real) a + ((real) b - (real) a) * u);
}

__kernel void random_normal(ulong seed, ulong offset, float mean, float std, int n, __global float* out) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    ulong index = offset + (ulong) i;
    uint4 words = philox(seed, index >> 1);
    int pair = (int) (index & 1) * 2;
    real u1 = (real) ((word_of(words, pair) >> 8) + 1) / (real) 16777216;
    real u2 = (real) (word_of(words, pair + 1) >> 8) / (real) 16777216;
    out[i] = (float) ((real) mean + (real) std * (sqrt(-2 * log(u1)) * cos(TWO_PI * u2)));
}
