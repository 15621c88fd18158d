package org.jgrad.backend;

/**
 * Philox4x32-10 (Salmon et al., SC'11), the counter-based generator behind every random fill.
 * Element {@code i} of a fill with seed {@code s} and offset {@code o} depends only on
 * (s, o + i), so any backend, thread or work-item computes it alone and all agree bit for bit on
 * the raw words. This class is the reference: backends must produce the numbers it produces.
 *
 * <p>Uniform element j: word (j mod 4) of block j/4, top 24 bits scaled to [0, 1). Normal element
 * j: words 2(j mod 2) and 2(j mod 2)+1 of block j/2 through Box-Muller (cosine branch), computed
 * in float64 and rounded to float32.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final double TWO_POW_M24 = 1.0 / (1 << 24);

    private Philox() {
    }

    /** The four 32-bit words of block {@code counter} under key {@code seed}. */
    public static int[] block(long seed, long counter) {
        return block((int) counter, (int) (counter >>> 32), 0, 0, (int) seed, (int) (seed >>> 32));
    }

    /**
     * The general philox4x32-10 bijection: counter (c0, c1, c2, c3), key (k0, k1). Fills use only
     * counters with c2 = c3 = 0; the full form is here so the published known-answer vectors test it.
     */
    static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        for (int round = 0; round < 10; round++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += W0;
            k1 += W1;
        }
        return new int[] {c0, c1, c2, c3};
    }

    /** Uniform on [0, 1) for stream position {@code index}. */
    public static double uniform(long seed, long index) {
        int word = block(seed, index >>> 2)[(int) (index & 3)];
        return (word >>> 8) * TWO_POW_M24;
    }

    /** Standard normal for stream position {@code index}. */
    public static double normal(long seed, long index) {
        int[] words = block(seed, index >>> 1);
        int pair = (int) (index & 1) * 2;
        double u1 = ((words[pair] >>> 8) + 1) * TWO_POW_M24; // (0, 1]: log stays finite
        double u2 = (words[pair + 1] >>> 8) * TWO_POW_M24;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The float32 value a fill writes at stream position {@code index}. */
    public static float sample(Distribution dist, long seed, long index, float a, float b) {
        return switch (dist) {
            case UNIFORM -> (float) (a + (b - (double) a) * uniform(seed, index));
            case NORMAL -> (float) (a + b * normal(seed, index));
        };
    }
}
