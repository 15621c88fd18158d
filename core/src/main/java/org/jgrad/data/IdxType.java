package org.jgrad.data;

/** The element types of the IDX format (third byte of the magic number), stored big-endian. */
public enum IdxType {
    UBYTE(0x08, 1),
    BYTE(0x09, 1),
    SHORT(0x0B, 2),
    INT(0x0C, 4),
    FLOAT(0x0D, 4),
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code in the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether the values are whole numbers (every type but FLOAT and DOUBLE). */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE;
    }

    /** The type with {@code code}, or null when there is none. */
    static IdxType ofCode(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** The valid codes, for messages: "0x08 (ubyte), 0x09 (byte), ...". */
    static String listing() {
        StringBuilder s = new StringBuilder();
        for (IdxType type : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format("0x%02X (%s)", type.code, type.name().toLowerCase()));
        }
        return s.toString();
    }
}
