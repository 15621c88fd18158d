package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PairPooling}'s forward a vector of windows at a time: two contiguous vectors of a row
 * pair's top and bottom rows are split into their even and odd lanes (the four taps of L windows),
 * the maximum is taken lane-wise and the first tap holding it picked with blends: the scalar
 * loop's choice and bits. The split uses one-vector rearranges and a blend (JDK 17 compiles the
 * two-vector rearrange, and gathers, to several times slower code). Loaded only when
 * {@link VectorSupport#enabled()}.
 */
final class VectorPairPooling {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lane i takes lane 2i (EVEN) or 2i + 1 (ODD) modulo L; lanes from L/2 on come from the second vector. */
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i % L);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> (2 * i + 1) % L);
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(S, -1L << (L / 2));
    /** Floats whose bits are the tap numbers 1 to 3 (tap 0's are +0f). */
    private static final float TAP1 = Float.intBitsToFloat(1);
    private static final float TAP2 = Float.intBitsToFloat(2);
    private static final float TAP3 = Float.intBitsToFloat(3);
    /** Lane j takes lane j / 2 (LOWER) or L/2 + j / 2 (HIGHER): with ODD_LANES, two vectors interleaved. */
    private static final VectorShuffle<Integer> LOWER = VectorShuffle.fromOp(I, j -> j / 2);
    private static final VectorShuffle<Integer> HIGHER = VectorShuffle.fromOp(I, j -> I.length() / 2 + j / 2);
    private static final VectorMask<Integer> ODD_LANES = VectorMask.fromLong(I, 0xAAAAAAAAAAAAAAAAL);

    private VectorPairPooling() {
    }

    /**
     * Pools one plane: the row pair of output row oh starts at image[base + 2 * oh * width], its
     * windows go to out and argmax from o0 + oh * outW. Windows whose taps a vector would read past
     * the array's end are left to {@link PairPooling#window}. A row's last, partial vector is stored
     * whole when its extra lanes fall on the plane's later rows (overwritten after), else through
     * a scratch vector.
     */
    static void forwardPlane(float[] image, int base, int width, int outH, int outW, float[] out, int[] argmax, int o0) {
        if (I.length() != L) {
            throw new IllegalStateException("int and float vectors differ in lanes: " + I + ", " + S);
        }
        int end = o0 + outH * outW;
        for (int oh = 0; oh < outH; oh++) {
            int top = base + 2 * oh * width;
            int o = o0 + oh * outW;
            int ow = 0;
            for (; ow < outW && top + width + 2 * (ow + L) <= image.length; ow += L) {
                int t = top + 2 * ow;
                FloatVector t0 = FloatVector.fromArray(S, image, t);
                FloatVector t1 = FloatVector.fromArray(S, image, t + L);
                FloatVector b0 = FloatVector.fromArray(S, image, t + width);
                FloatVector b1 = FloatVector.fromArray(S, image, t + width + L);
                FloatVector a = t0.rearrange(EVEN).blend(t1.rearrange(EVEN), UPPER);
                FloatVector b = t0.rearrange(ODD).blend(t1.rearrange(ODD), UPPER);
                FloatVector c = b0.rearrange(EVEN).blend(b1.rearrange(EVEN), UPPER);
                FloatVector d = b0.rearrange(ODD).blend(b1.rearrange(ODD), UPPER);
                FloatVector m = a.lanewise(MAX, b).lanewise(MAX, c.lanewise(MAX, d));
                // a NaN tap makes m NaN, so "equal to m, or NaN" is the scalar loop's holds(v, m)
                VectorMask<Float> holdsA = a.compare(EQ, m).or(a.compare(NE, a));
                VectorMask<Float> holdsB = b.compare(EQ, m).or(b.compare(NE, b));
                VectorMask<Float> holdsC = c.compare(EQ, m).or(c.compare(NE, c));
                FloatVector value = d.blend(c, holdsC).blend(b, holdsB).blend(a, holdsA);
                // blended as floats whose bits are the taps: JDK 17 casts a float mask to an int
                // mask through a boolean[], and converts floats to ints slowly
                IntVector tap = FloatVector.broadcast(S, TAP3).blend(TAP2, holdsC).blend(TAP1, holdsB)
                        .blend(0f, holdsA).reinterpretAsInts();
                if (o + ow + L <= end) {
                    value.intoArray(out, o + ow);
                    tap.intoArray(argmax, o + ow);
                } else {
                    float[] values = new float[L];
                    int[] taps = new int[L];
                    value.intoArray(values, 0);
                    tap.intoArray(taps, 0);
                    System.arraycopy(values, 0, out, o + ow, outW - ow);
                    System.arraycopy(taps, 0, argmax, o + ow, outW - ow);
                }
            }
            for (; ow < outW; ow++) {
                PairPooling.window(image, top + 2 * ow, width, out, argmax, o + ow);
            }
        }
    }

    /**
     * The gradient of {@link #forwardPlane}'s plane: writes the four pixels of each window (0 +
     * grad at the argmax tap, +0 elsewhere) of the plane at gradImage[base]. A row's partial vector
     * spills into the pixels after its rows, so it goes first: the row's other vectors overwrite
     * the spill into its bottom row, the next row pair the spill into its top row; at the plane's
     * end it goes through a scratch row. Windows whose gradient a vector would read past the
     * array's end are left to {@link PairPooling#windowBackward}.
     */
    static void backwardPlane(float[] grad, int[] argmax, int o0, int outH, int outW, float[] gradImage, int base,
                              int width, int end) {
        int whole = outW / L * L;
        int limit = Math.min(grad.length, argmax.length);
        for (int oh = 0; oh < outH; oh++) {
            int top = base + 2 * oh * width;
            int o = o0 + oh * outW;
            boolean partial = whole < outW && o + whole + L <= limit;
            for (int step = partial ? -1 : 0; step < whole / L; step++) {
                int ow = step < 0 ? whole : step * L;
                // in the int domain, the bits of 0 + grad: the taps need no conversion (see forwardPlane)
                IntVector g = FloatVector.fromArray(S, grad, o + ow).add(0f).reinterpretAsInts();
                IntVector tap = IntVector.fromArray(I, argmax, o + ow);
                if (tap.lanewise(AND, -4).compare(NE, 0).anyTrue()) {
                    throw new IndexOutOfBoundsException("maxPool2dBackward: an argmax in " + tap + " at " + (o + ow)
                            + " is outside the 4 taps of a window");
                }
                IntVector a = g.blend(0, tap.compare(NE, 0));
                IntVector b = g.blend(0, tap.compare(NE, 1));
                IntVector c = g.blend(0, tap.compare(NE, 2));
                IntVector d = g.blend(0, tap.compare(NE, 3));
                // rows interleaved (a[0], b[0], a[1], ...) and (c[0], d[0], ...); no helper method,
                // which C2 may leave out of line and then box the vectors it is passed
                int t = top + 2 * ow;
                boolean inPlace = t + width + 2 * L <= end;
                float[] rows = inPlace ? gradImage : new float[4 * L];
                int at = inPlace ? t : 0;
                int bottom = inPlace ? t + width : 2 * L;
                a.rearrange(LOWER).blend(b.rearrange(LOWER), ODD_LANES).reinterpretAsFloats().intoArray(rows, at);
                a.rearrange(HIGHER).blend(b.rearrange(HIGHER), ODD_LANES).reinterpretAsFloats().intoArray(rows, at + L);
                c.rearrange(LOWER).blend(d.rearrange(LOWER), ODD_LANES).reinterpretAsFloats().intoArray(rows, bottom);
                c.rearrange(HIGHER).blend(d.rearrange(HIGHER), ODD_LANES).reinterpretAsFloats()
                        .intoArray(rows, bottom + L);
                if (!inPlace) {
                    int count = 2 * Math.min(L, outW - ow);
                    System.arraycopy(rows, 0, gradImage, t, count);
                    System.arraycopy(rows, 2 * L, gradImage, t + width, count);
                }
            }
            for (int ow = partial ? outW : whole; ow < outW; ow++) {
                PairPooling.windowBackward(grad, argmax, o + ow, gradImage, top + 2 * ow, width);
            }
        }
    }
}
