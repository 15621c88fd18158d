package org.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors header from its JSON bytes into a {@link Header}, checking the schema: the
 * top level is an object of tensor entries and an optional {@code __metadata__} object of strings;
 * each entry has exactly {@code dtype} (F32 or I32), {@code shape} (integers in [0, 2^31-1]) and
 * {@code data_offsets} ({@code [begin, end]}, 0 <= begin <= end). Where the entries lie in the data
 * buffer is {@link DataLayout}'s to check.
 */
final class HeaderParser {
    /** The file offset of the header's first byte, after the 8-byte length. */
    static final long HEADER_START = 8;

    private HeaderParser() {
    }

    /** The fields of one entry as they are read. */
    private static final class Fields {
        StoredType type;
        int[] shape;
        long[] offsets;
    }

    static Header parse(byte[] json, Path file) throws SafeTensorsFormatException {
        checkUtf8(json, file);
        JsonReader reader = new JsonReader(json, HEADER_START, file);
        List<TensorEntry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        reader.readObject((key, keyOffset) -> {
            if (key.equals(Header.METADATA_KEY)) {
                reader.readObject((name, nameOffset) -> metadata.put(name, reader.readString()));
            } else {
                entries.add(readEntry(reader, key, keyOffset, file));
            }
        });
        reader.expectEnd();
        return new Header(entries, metadata);
    }

    private static TensorEntry readEntry(JsonReader reader, String name, long at, Path file)
            throws SafeTensorsFormatException {
        String tensor = "tensor " + JsonStrings.quote(name) + ": ";
        Fields fields = new Fields();
        reader.readObject((key, keyOffset) -> {
            long valueAt = reader.valueOffset();
            switch (key) {
                case "dtype" -> {
                    String code = reader.readString();
                    fields.type = StoredType.parse(code).orElseThrow(() -> reader.error(valueAt, tensor + "dtype "
                            + JsonStrings.quote(code) + " is not one jgrad reads; expected one of "
                            + Arrays.toString(StoredType.values())));
                }
                case "shape" -> fields.shape = shape(reader.readIntegers(), reader, valueAt, tensor);
                case "data_offsets" -> fields.offsets = offsets(reader.readIntegers(), reader, valueAt, tensor);
                default -> throw reader.error(keyOffset, tensor + "unexpected key " + JsonStrings.quote(key)
                        + "; an entry has exactly \"dtype\", \"shape\" and \"data_offsets\"");
            }
        });
        String missing = fields.type == null ? "dtype" : fields.shape == null ? "shape" : fields.offsets == null
                ? "data_offsets" : null;
        if (missing != null) {
            throw SafeTensorsFormatException.atByte(file, at, tensor + "the entry has no \"" + missing + "\"");
        }
        return new TensorEntry(name, fields.type, fields.shape, fields.offsets[0], fields.offsets[1]);
    }

    private static int[] shape(List<Long> dims, JsonReader reader, long at, String tensor)
            throws SafeTensorsFormatException {
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long d = dims.get(i);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw reader.error(at, tensor + "shape dimension " + i + " is " + d + "; expected 0 to " + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
        }
        return shape;
    }

    private static long[] offsets(List<Long> values, JsonReader reader, long at, String tensor)
            throws SafeTensorsFormatException {
        if (values.size() != 2 || values.get(0) < 0 || values.get(1) < values.get(0)) {
            throw reader.error(at, tensor + "data_offsets is " + values + "; expected [begin, end] with 0 <= begin <= end");
        }
        return new long[] {values.get(0), values.get(1)};
    }

    /** Fails at the first byte that is not part of valid UTF-8. */
    private static void checkUtf8(byte[] json, Path file) throws SafeTensorsFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw SafeTensorsFormatException.atByte(file, HEADER_START + in.position(),
                        "the header is not valid UTF-8");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }
}
