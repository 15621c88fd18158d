package org.jgrad.data;

import java.nio.ByteBuffer;
import org.jgrad.Shape;

/**
 * The contents of an IDX file: element type, shape, and the values, kept as the file's
 * big-endian bytes (a ubyte image set stays one byte per pixel) and converted on request.
 */
public final class IdxArray {
    private final IdxType type;
    private final int[] shape;
    private final byte[] data;

    IdxArray(IdxType type, int[] shape, byte[] data) {
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
    }

    public IdxType type() {
        return type;
    }

    /** The dimension sizes, outermost first. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int count() {
        return data.length / type.bytes();
    }

    /** Every value as a float, row-major (int values beyond 2^24 and doubles round to float). */
    public float[] toFloats() {
        float[] out = new float[count()];
        ByteBuffer in = ByteBuffer.wrap(data);
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
                case UBYTE -> in.get() & 0xFF;
                case BYTE -> in.get();
                case SHORT -> in.getShort();
                case INT -> in.getInt();
                case FLOAT -> in.getFloat();
                case DOUBLE -> (float) in.getDouble();
            };
        }
        return out;
    }

    /** Every value as an int, row-major; only for the integer types. */
    public int[] toInts() {
        if (!type.isInteger()) {
            throw new IllegalStateException("IDX data of type " + type.name().toLowerCase()
                    + " holds fractions; read it with toFloats()");
        }
        int[] out = new int[count()];
        ByteBuffer in = ByteBuffer.wrap(data);
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
                case UBYTE -> in.get() & 0xFF;
                case BYTE -> in.get();
                case SHORT -> in.getShort();
                default -> in.getInt();
            };
        }
        return out;
    }

    @Override
    public String toString() {
        return "IdxArray(" + type.name().toLowerCase() + " " + Shape.toString(shape) + ")";
    }
}
