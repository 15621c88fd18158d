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

    private final float[] values = new float[L];
    private final float[] pixels = new float[4 * L];
    private final int[] taps = new int[L];

    VectorPairPooling() {
        if (I.length() != L) {
            throw new IllegalStateException("int and float vectors differ in lanes: " + I + ", " + S);
        }
    }

    /**
     * Pools the windows of the row pair whose top row starts at image[top] into out[o ...] and
     * argmax[o ...], as many as whole vectors of taps can be read inside the array; returns how
     * many windows it did (the rest of the row is the caller's). Outputs before {@code end} are
     * this caller's to overwrite (later rows of its plane), so a partial vector is stored whole
     * where it ends before {@code end}.
     */
    int row(float[] image, int top, int width, int windows, float[] out, int[] argmax, int o, int end) {
        int ow = 0;
        for (; ow < windows && top + width + 2 * (ow + L) <= image.length; ow += L) {
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
            // blended as floats whose bits are the taps: JDK 17 casts a float mask to an int mask
            // through a boolean[], and converts floats to ints slowly
            IntVector tap = FloatVector.broadcast(S, TAP3).blend(TAP2, holdsC).blend(TAP1, holdsB).blend(0f, holdsA)
                    .reinterpretAsInts();
            if (o + ow + L <= end) {
                value.intoArray(out, o + ow);
                tap.intoArray(argmax, o + ow);
            } else {
                // a partial vector at the plane's end: its other lanes belong to the next plane
                value.intoArray(values, 0);
                tap.intoArray(taps, 0);
                System.arraycopy(values, 0, out, o + ow, windows - ow);
                System.arraycopy(taps, 0, argmax, o + ow, windows - ow);
            }
        }
        return Math.min(ow, windows);
    }

    /**
     * The gradient of {@link #row}: writes the four pixels of each window of the row pair at
     * gradImage[top] (0 + grad at the argmax tap, +0 elsewhere) for as many windows as whole
     * vectors can be read; returns how many (the rest is the caller's). A partial vector's extra
     * lanes spill into the pixels after its rows: it goes first, so the row's other vectors
     * overwrite the spill into its bottom row, and later rows the spill into the next row pair;
     * at the plane's end ({@code end}) it goes through a scratch row instead.
     */
    int rowBackward(float[] grad, int[] argmax, int o, int windows, float[] gradImage, int top, int width, int end) {
        int whole = windows / L * L;
        int done = whole;
        if (whole < windows && o + whole + L <= Math.min(grad.length, argmax.length)) {
            windowsBackward(grad, argmax, o + whole, windows - whole, gradImage, top + 2 * whole, width, end);
            done = windows;
        }
        for (int ow = 0; ow < whole; ow += L) {
            windowsBackward(grad, argmax, o + ow, L, gradImage, top + 2 * ow, width, end);
        }
        return done;
    }

    /** The four pixels of windows o ... o + count - 1 (count <= L), the first at gradImage[t]. */
    private void windowsBackward(float[] grad, int[] argmax, int o, int count, float[] gradImage, int t, int width,
                                 int end) {
        // in the int domain, the bits of 0 + grad: the taps need no conversion (see row)
        IntVector g = FloatVector.fromArray(S, grad, o).add(0f).reinterpretAsInts();
        IntVector tap = IntVector.fromArray(I, argmax, o);
        if (tap.lanewise(AND, -4).compare(NE, 0).anyTrue()) {
            throw new IndexOutOfBoundsException("maxPool2dBackward: an argmax in " + tap + " at " + o
                    + " is outside the 4 taps of a window");
        }
        IntVector a = g.blend(0, tap.compare(NE, 0));
        IntVector b = g.blend(0, tap.compare(NE, 1));
        IntVector c = g.blend(0, tap.compare(NE, 2));
        IntVector d = g.blend(0, tap.compare(NE, 3));
        // the rows interleaved (a[0], b[0], a[1], ...) and (c[0], d[0], ...), written in place; no
        // helper method, which C2 may leave out of line and then box the vectors it is passed
        boolean inPlace = t + width + 2 * L <= end;
        float[] top = inPlace ? gradImage : pixels;
        int at = inPlace ? t : 0;
        int bottom = inPlace ? t + width : 2 * L;
        a.rearrange(LOWER).blend(b.rearrange(LOWER), ODD_LANES).reinterpretAsFloats().intoArray(top, at);
        a.rearrange(HIGHER).blend(b.rearrange(HIGHER), ODD_LANES).reinterpretAsFloats().intoArray(top, at + L);
        c.rearrange(LOWER).blend(d.rearrange(LOWER), ODD_LANES).reinterpretAsFloats().intoArray(top, bottom);
        c.rearrange(HIGHER).blend(d.rearrange(HIGHER), ODD_LANES).reinterpretAsFloats().intoArray(top, bottom + L);
        if (!inPlace) {
            System.arraycopy(pixels, 0, gradImage, t, 2 * count);
            System.arraycopy(pixels, 2 * L, gradImage, t + width, 2 * count);
        }
    }
}
