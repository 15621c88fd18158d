package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;

/**
 * Named tensors in the <a href="https://github.com/huggingface/safetensors">safetensors</a> format,
 * which PyTorch ({@code safetensors.torch.load_file}) and Hugging Face tools open: an 8-byte
 * little-endian header length N, N bytes of JSON ({@code {"name": {"dtype": "F32", "shape": [2, 3],
 * "data_offsets": [0, 24]}, "__metadata__": {...}}}, padded with spaces to a multiple of 8), then
 * the raw little-endian elements. jgrad reads F32, F16, BF16 and F64 into FLOAT32 tensors and I32
 * and I64 into INT32 tensors, and writes them back as {@link StorageTypes} say (by default F32 and
 * I32 as they are).
 *
 * <pre>{@code
 * SafeTensors.write(Path.of("model.safetensors"), model.stateDict(), Map.of("format", "pt"));
 * try (SafeTensorsContent saved = SafeTensors.read(Path.of("model.safetensors"))) {
 *     model.loadStateDict(saved.tensors());
 * }
 * }</pre>
 *
 * <p>Writing is atomic: the file is written under a temporary name in the same directory, flushed
 * to disk and renamed over the target, so a failure leaves any previous file as it was. Reading
 * checks the whole header against the file before allocating any tensor and fails with a
 * {@link SafeTensorsFormatException} naming the file, the byte offset or tensor, and what was
 * expected; a truncated or forged file never allocates more than the file holds.
 */
public final class SafeTensors {
    private SafeTensors() {
    }

    /**
     * Writes {@code tensors} and the {@code metadata} strings (left out of the header when empty)
     * to {@code file}, replacing it atomically. Tensors are ordered as the reference writer orders
     * them (I64, F64, F32, I32, BF16, F16, then by name), so the bytes match Python's {@code save_file}.
     *
     * @throws IllegalArgumentException for a null tensor or name, a name {@code __metadata__}, or
     *     text that UTF-8 cannot encode; nothing is written then
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        write(file, tensors, metadata, StorageTypes.EXACT);
    }

    /**
     * As {@link #write(Path, Map, Map)}, storing FLOAT32 and INT32 tensors as {@code types} say
     * (e.g. {@code StorageTypes.PYTORCH.floats(StoredType.BF16)}).
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, StorageTypes types)
            throws IOException {
        SafeTensorsWriter.write(Objects.requireNonNull(file, "file"), tensors, metadata, types);
    }

    /** Writes {@code tensors} with no metadata. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /** Reads every tensor of {@code file} onto the default backend. */
    public static SafeTensorsContent read(Path file) throws IOException {
        return SafeTensorsReader.read(Objects.requireNonNull(file, "file"), Backends::getDefault);
    }

    /** Reads every tensor of {@code file} onto {@code backend}. */
    public static SafeTensorsContent read(Path file, Backend backend) throws IOException {
        Objects.requireNonNull(backend, "backend");
        return SafeTensorsReader.read(Objects.requireNonNull(file, "file"), () -> backend);
    }
}
