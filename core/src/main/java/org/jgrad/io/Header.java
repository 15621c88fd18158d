package org.jgrad.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A safetensors header: the tensor entries (in the order of the header) and the free-form
 * {@code __metadata__} strings.
 */
record Header(List<TensorEntry> entries, Map<String, String> metadata) {
    /** The reserved key of the metadata object. */
    static final String METADATA_KEY = "__metadata__";

    Header {
        entries = List.copyOf(entries);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * The header as the reference writer encodes it: compact UTF-8 JSON, {@code __metadata__}
     * first (left out when empty; its keys sorted), the entries in list order, then spaces up to a
     * multiple of 8 bytes so the data that follows is aligned.
     */
    byte[] encode() {
        StringJoiner members = new StringJoiner(",", "{", "}");
        if (!metadata.isEmpty()) {
            Map<String, String> sorted = new TreeMap<>(Header::compareUtf8);
            sorted.putAll(metadata);
            StringJoiner pairs = new StringJoiner(",", "{", "}");
            sorted.forEach((key, value) -> pairs.add(JsonStrings.quote(key) + ":" + JsonStrings.quote(value)));
            members.add(JsonStrings.quote(METADATA_KEY) + ":" + pairs);
        }
        entries.forEach(entry -> members.add(entry.toJson()));
        byte[] bytes = members.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(bytes, padded);
        Arrays.fill(out, bytes.length, padded, (byte) ' ');
        return out;
    }

    /** Orders strings by their UTF-8 bytes, as the reference writer (Rust strings) does. */
    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
