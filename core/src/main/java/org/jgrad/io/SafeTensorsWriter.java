package org.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Tensor;

/**
 * Writes named tensors in the layout of the reference safetensors writer: entries sorted by stored
 * type (I64, F64, F32, I32, BF16, F16) then by name, data packed in that order from offset 0, so the same tensors
 * give the same bytes as Python's {@code safetensors.torch.save_file}.
 */
final class SafeTensorsWriter {
    private SafeTensorsWriter() {
    }

    static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, StorageTypes types)
            throws IOException {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(types, "types");
        List<Map.Entry<String, Tensor>> sorted = new ArrayList<>();
        for (Map.Entry<String, Tensor> named : tensors.entrySet()) {
            checkText("tensor name", named.getKey());
            if (named.getKey().equals(Header.METADATA_KEY) || named.getValue() == null) {
                throw new IllegalArgumentException("safetensors: tensor " + JsonStrings.quote(named.getKey())
                        + (named.getValue() == null ? " is null" : ": the name is reserved for the metadata"));
            }
            sorted.add(named);
        }
        metadata.forEach((key, value) -> {
            checkText("metadata key", key);
            checkText("metadata value of " + key, value);
        });
        sorted.sort(Comparator.comparing((Map.Entry<String, Tensor> e) -> types.of(e.getValue().dtype()))
                .reversed().thenComparing(Map.Entry::getKey, Header::compareUtf8));
        List<TensorEntry> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> named : sorted) {
            Tensor t = named.getValue();
            StoredType type = types.of(t.dtype());
            long length = (long) t.numel() * type.bytes();
            entries.add(new TensorEntry(named.getKey(), type, t.shape(), offset, offset + length));
            offset += length;
        }
        byte[] header = new Header(entries, metadata).encode();
        AtomicFile.write(file, channel -> {
            ByteBuffer prefix = ByteBuffer.allocate(Long.BYTES + header.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(header.length).put(header).flip();
            while (prefix.hasRemaining()) {
                channel.write(prefix);
            }
            for (Map.Entry<String, Tensor> named : sorted) {
                TensorData.write(channel, named.getValue(), types.of(named.getValue().dtype()));
            }
        });
    }

    /** Names and metadata must be strings that UTF-8 can hold: not null, no unpaired surrogate. */
    private static void checkText(String what, String text) {
        if (text == null) {
            throw new IllegalArgumentException("safetensors: a " + what + " is null");
        }
        if (text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("safetensors: " + what + " " + JsonStrings.quote(text)
                    + " has an unpaired surrogate character, which UTF-8 cannot encode");
        }
    }
}
