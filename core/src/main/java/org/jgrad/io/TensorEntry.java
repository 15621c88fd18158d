package org.jgrad.io;

import java.util.StringJoiner;
import org.jgrad.Shape;

/**
 * One tensor's line in a safetensors header: name, element type, shape and its byte range
 * {@code [begin, end)} in the data buffer that follows the header.
 */
record TensorEntry(String name, StoredType type, int[] shape, long begin, long end) {

    TensorEntry {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of bytes the range holds. */
    long length() {
        return end - begin;
    }

    /** The header line, as the reference writer writes it: {@code "name":{"dtype":..,"shape":[..],"data_offsets":[b,e]}}. */
    String toJson() {
        StringJoiner dims = new StringJoiner(",", "[", "]");
        for (int d : shape) {
            dims.add(Integer.toString(d));
        }
        return JsonStrings.quote(name) + ":{\"dtype\":\"" + type + "\",\"shape\":" + dims
                + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    /** How the entry reads in a message: {@code F32 [2, 3] at data_offsets [0, 24]}. */
    String describe() {
        return type + " " + Shape.toString(shape) + " at data_offsets [" + begin + ", " + end + "]";
    }
}
