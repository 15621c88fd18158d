package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes are atomic: a write that fails part way (a tensor that cannot be read, here one already
 * closed) leaves the previous file byte for byte and no temporary file; bad arguments are refused
 * before anything is written.
 */
public class SafeTensorsWriteConformance extends TensorConformanceSupport {
    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (var listing = Files.list(dir)) {
            return listing.toList();
        }
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path path = dir.resolve("model.safetensors");
        SafeTensors.write(path, Map.of("w", Tensors.fromArray(randomFloats(5, 1), 5)), Map.of("format", "pt"));
        byte[] before = Files.readAllBytes(path);
        Tensor unreadable = Tensors.ones(3);
        unreadable.close();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensors.fromArray(randomFloats(4000, 2), 4000));
        tensors.put("z", unreadable);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SafeTensors.write(path, tensors));
        assertEquals("tensor of shape [3] used after close", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path), "the old file is intact");
        assertEquals(List.of(path), files(), "no temporary file is left");
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws Exception {
        Tensor unreadable = Tensors.fromArray(new int[] {1}, 1);
        unreadable.close();
        assertThrows(IllegalStateException.class, () -> SafeTensors.write(dir.resolve("new.safetensors"), Map.of("i", unreadable)));
        assertEquals(List.of(), files());
    }

    @Test
    void aMissingDirectoryIsAnIoError() {
        Path path = dir.resolve("missing").resolve("x.safetensors");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SafeTensors.write(path, Map.of()));
        assertFalse(Files.exists(path.getParent()), e.getMessage());
    }

    @Test
    void badNamesAndValuesAreRefusedBeforeWriting() throws Exception {
        Path path = dir.resolve("x.safetensors");
        assertRejected(IllegalArgumentException.class, () -> SafeTensors.write(path, Map.of("__metadata__", Tensors.ones(1))),
                "tensor \"__metadata__\"", "reserved for the metadata");
        Map<String, Tensor> nullTensor = new HashMap<>();
        nullTensor.put("t", null);
        assertRejected(IllegalArgumentException.class, () -> SafeTensors.write(path, nullTensor), "tensor \"t\" is null");
        Map<String, Tensor> nullName = new HashMap<>();
        nullName.put(null, Tensors.ones(1));
        assertRejected(IllegalArgumentException.class, () -> SafeTensors.write(path, nullName), "a tensor name is null");
        assertRejected(IllegalArgumentException.class, () -> SafeTensors.write(path, Map.of("bad\uD800", Tensors.ones(1))),
                "unpaired surrogate");
        assertRejected(IllegalArgumentException.class,
                () -> SafeTensors.write(path, Map.of(), Map.of("k", "\uDC00")), "metadata value of k", "unpaired surrogate");
        assertEquals(List.of(), files());
    }
}
