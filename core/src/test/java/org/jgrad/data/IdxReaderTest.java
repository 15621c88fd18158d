package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDX files written here byte by byte, raw and gzip-compressed: every type, and every way to be malformed. */
class IdxReaderTest {
    @TempDir
    Path dir;

    /** Magic number 00 00 type rank, then the sizes big-endian; the caller writes the data. */
    private static DataOutputStream header(ByteArrayOutputStream bytes, int type, int... shape) throws IOException {
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, (byte) type, (byte) shape.length});
        for (int size : shape) {
            out.writeInt(size);
        }
        return out;
    }

    private Path file(String name, boolean gzip, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(path)) : Files.newOutputStream(path)) {
            out.write(content);
        }
        return path;
    }

    private static byte[] ubytes(int[] shape, int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes, 0x08, shape);
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void readsUnsignedBytesWithTheirShape(boolean gzip) throws IOException {
        IdxArray a = IdxReader.read(file("u.idx", gzip, ubytes(new int[] {2, 3}, 0, 1, 127, 128, 200, 255)));
        assertEquals(IdxType.UBYTE, a.type());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(6, a.count());
        assertArrayEquals(new int[] {0, 1, 127, 128, 200, 255}, a.toInts());
        assertArrayEquals(new float[] {0, 1, 127, 128, 200, 255}, a.toFloats());
    }

    @Test
    void readsEverySignedAndFloatingType() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        header(bytes, 0x09, 3).write(new byte[] {-128, -1, 127});
        assertArrayEquals(new int[] {-128, -1, 127}, IdxReader.read(file("b", false, bytes.toByteArray())).toInts());
        bytes.reset();
        DataOutputStream shorts = header(bytes, 0x0B, 1, 2);
        shorts.writeShort(-300);
        shorts.writeShort(1000);
        IdxArray s = IdxReader.read(file("s", true, bytes.toByteArray()));
        assertEquals(IdxType.SHORT, s.type());
        assertArrayEquals(new int[] {-300, 1000}, s.toInts());
        bytes.reset();
        DataOutputStream ints = header(bytes, 0x0C, 3);
        for (int v : new int[] {-2, 70000, Integer.MIN_VALUE}) {
            ints.writeInt(v);
        }
        IdxArray i = IdxReader.read(file("i", false, bytes.toByteArray()));
        assertArrayEquals(new int[] {-2, 70000, Integer.MIN_VALUE}, i.toInts());
        bytes.reset();
        DataOutputStream floats = header(bytes, 0x0D, 2);
        floats.writeFloat(1.5f);
        floats.writeFloat(-0.25f);
        IdxArray f = IdxReader.read(file("f", false, bytes.toByteArray()));
        assertArrayEquals(new float[] {1.5f, -0.25f}, f.toFloats());
        IllegalStateException e = assertThrows(IllegalStateException.class, f::toInts);
        assertTrue(e.getMessage().contains("float"), e.getMessage());
        bytes.reset();
        DataOutputStream doubles = header(bytes, 0x0E, 2);
        doubles.writeDouble(0.1);
        doubles.writeDouble(-3);
        assertArrayEquals(new float[] {0.1f, -3f}, IdxReader.read(file("d", true, bytes.toByteArray())).toFloats());
    }

    /** Reads content as file name (raw or gzip) and checks the error names the file, the offset and the problem. */
    private void assertMalformed(Class<? extends IOException> type, boolean gzip, byte[] content, String... parts)
            throws IOException {
        Path path = file(gzip ? "bad.idx.gz" : "bad.idx", gzip, content);
        IOException e = assertThrows(type, () -> IdxReader.read(path));
        assertTrue(e.getMessage().startsWith(path + ": "), "names the file: " + e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "mentions " + part + ": " + e.getMessage());
        }
    }

    @Test
    void rejectsABadHeaderNamingTheOffset() throws IOException {
        assertMalformed(IOException.class, false, new byte[] {1, 0, 8, 1, 0, 0, 0, 0}, "at byte 0",
                "bad magic number 0x01000801");
        assertMalformed(IOException.class, false, new byte[] {0, 0, 0x0A, 1}, "at byte 2", "unknown type code 0x0A",
                "0x08 (ubyte)", "0x0E (double)");
        assertMalformed(IOException.class, false, new byte[] {0, 0, 8, 0}, "at byte 3", "dimension count is 0");
        assertMalformed(EOFException.class, false, new byte[] {0, 0}, "at byte 2", "the 4-byte magic number from byte 0");
        assertMalformed(EOFException.class, false, new byte[] {0, 0, 8, 2, 0, 0, 0, 3, 0, 0}, "at byte 10",
                "2 dimension sizes of 4 bytes from byte 4");
        assertMalformed(IOException.class, false, new byte[] {0, 0, 8, 1, (byte) 0x80, 0, 0, 0}, "at byte 4",
                "dimension 0 has size 2147483648");
        assertMalformed(IOException.class, false, ubytes(new int[] {65536, 65536}), "at byte 12",
                "shape [65536, 65536] of ubyte takes more than 2147483639 bytes");
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void rejectsMissingOrExtraData(boolean gzip) throws IOException {
        String decompressed = gzip ? " of the decompressed data" : "";
        assertMalformed(EOFException.class, gzip, ubytes(new int[] {2, 3}, 1, 2, 3, 4), "at byte 16" + decompressed,
                "the file ends", "data of shape [2, 3] of ubyte (6 bytes) from byte 12");
        assertMalformed(IOException.class, gzip, ubytes(new int[] {2}, 1, 2, 3), "at byte 10" + decompressed,
                "unexpected bytes after the end of the data of shape [2]");
    }

    /** A gzip file cut short, and one whose CRC trailer does not match its data. */
    @Test
    void rejectsACorruptGzipStream() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(ubytes(new int[] {1000}, new Random(1).ints(1000, 0, 256).toArray()));
        }
        byte[] whole = gz.toByteArray();
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": at byte "), e.getMessage());
        assertTrue(e.getMessage().contains("of the decompressed data: cannot decompress"), e.getMessage());
        whole[whole.length - 8] ^= 1;
        Path crc = dir.resolve("crc.gz");
        Files.write(crc, whole);
        e = assertThrows(IOException.class, () -> IdxReader.read(crc));
        String expected = crc + ": at byte 1008 of the decompressed data: cannot decompress";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
