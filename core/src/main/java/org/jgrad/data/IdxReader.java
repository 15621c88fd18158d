package org.jgrad.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jgrad.Shape;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a magic number (two zero bytes, a type
 * code, the number of dimensions), one big-endian 32-bit size per dimension, then the elements,
 * big-endian, row-major. Gzip-compressed files (recognised by their first two bytes, whatever the
 * name) are decompressed as they are read.
 *
 * <p>A malformed file fails with an {@link IOException} naming the file, the byte offset and what
 * was expected there; offsets in a compressed file count decompressed bytes.
 */
public final class IdxReader {
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {
    }

    /** Reads {@code file}, raw or gzip-compressed. */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads an IDX stream, raw or gzip-compressed; {@code source} names it in error messages. */
    public static IdxArray read(InputStream stream, String source) throws IOException {
        Decompressing opened = Decompressing.open(stream);
        Where where = new Where(source, opened.gzip());
        InputStream in = opened.stream();
        byte[] magic = readFully(in, 4, 0, where, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw where.error(0, String.format("bad magic number 0x%08X; an IDX file starts with two zero bytes, a type code"
                    + " and a dimension count", ByteBuffer.wrap(magic).getInt()));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw where.error(2, String.format("unknown type code 0x%02X; expected one of %s", magic[2] & 0xFF,
                    IdxType.listing()));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw where.error(3, "the dimension count is 0; expected at least 1");
        }
        ByteBuffer sizes = ByteBuffer.wrap(readFully(in, 4 * rank, 4, where, rank + " dimension sizes of 4 bytes"));
        int[] shape = new int[rank];
        long bytes = type.bytes();
        for (int d = 0; d < rank; d++) {
            shape[d] = sizes.getInt();
            if (shape[d] < 0) {
                throw where.error(4 + 4L * d, "dimension " + d + " has size " + Integer.toUnsignedString(shape[d])
                        + "; sizes above 2^31 - 1 are not supported");
            }
            bytes = Math.min(bytes * shape[d], MAX_BYTES + 1L); // saturates: never overflows
        }
        long start = 4 + 4L * rank;
        String data = "data of shape " + Shape.toString(shape) + " of " + type.name().toLowerCase();
        if (bytes > MAX_BYTES) {
            throw where.error(start, data + " takes more than " + MAX_BYTES + " bytes, the most that can be read");
        }
        byte[] body = readFully(in, (int) bytes, start, where, data + " (" + bytes + " bytes)");
        if (!atEnd(in, start + bytes, where)) {
            throw where.error(start + bytes, "unexpected bytes after the end of the " + data);
        }
        return new IdxArray(type, shape, body);
    }

    /** Reads exactly n bytes that start at byte {@code offset}, growing the buffer as data arrives. */
    private static byte[] readFully(InputStream in, int n, long offset, Where where, String what) throws IOException {
        byte[] buffer = new byte[Math.min(n, FIRST_CHUNK)];
        int got = 0;
        while (got < n) {
            if (got == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(n, 2L * buffer.length));
            }
            int r;
            try {
                r = in.read(buffer, got, buffer.length - got);
            } catch (IOException e) {
                throw where.error(offset + got, "cannot decompress (" + e.getMessage() + ")", e);
            }
            if (r < 0) {
                throw where.truncated(offset + got, "the file ends; expected " + what + " from byte " + offset);
            }
            got += r;
        }
        return buffer;
    }

    private static boolean atEnd(InputStream in, long offset, Where where) throws IOException {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            throw where.error(offset, "cannot decompress (" + e.getMessage() + ")", e);
        }
    }

    /** Names the file and byte offset in error messages. */
    private record Where(String source, boolean gzip) {
        IOException error(long offset, String message) {
            return error(offset, message, null);
        }

        IOException error(long offset, String message, Throwable cause) {
            return new IOException(at(offset) + message, cause);
        }

        EOFException truncated(long offset, String message) {
            return new EOFException(at(offset) + message);
        }

        private String at(long offset) {
            return source + ": at byte " + offset + (gzip ? " of the decompressed data" : "") + ": ";
        }
    }
}
