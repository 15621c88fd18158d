package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stale temporaries of a killed save are removed by the next write; read-only targets are refused. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFile.write(target, channel -> channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextWriteDeletesTheTemporariesAKilledSaveLeftOfTheSameTarget() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.write(dir.resolve(".model.safetensors.1f2e3d4c5b6a7980.tmp"), new byte[1000]);
        Files.write(dir.resolve(".model.safetensors.deadbeef.tmp"), new byte[10]);
        Files.write(dir.resolve(".other.safetensors.deadbeef.tmp"), new byte[10]);
        Files.write(dir.resolve(".model.safetensors.notes.tmp"), new byte[10]);
        write(target, "new");
        assertEquals(List.of(".model.safetensors.notes.tmp", ".other.safetensors.deadbeef.tmp", "model.safetensors"),
                names(), "only this target's temporaries (.NAME.HEX.tmp) are removed");
    }

    @Test
    void aTemporaryThatALiveWriterHoldsIsKept() throws IOException {
        Path target = dir.resolve("w.bin");
        Path inFlight = dir.resolve(".w.bin.abc123.tmp");
        try (FileChannel channel = FileChannel.open(inFlight, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            write(target, "x");
            assertTrue(Files.exists(inFlight), "a locked temporary belongs to a save in progress");
        }
    }

    @Test
    void aSaveKilledWithSigkillLeavesATemporaryThatTheNextWriteRemoves() throws Exception {
        Path target = dir.resolve("big.safetensors");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine(), "the child started its save");
            write(target, "meanwhile");
            assertEquals(2, names().size(), "the live child's temporary is kept: " + names());
            child.destroyForcibly().waitFor();
        }
        assertEquals(2, names().size(), "kill -9 left the temporary: " + names());
        write(target, "after");
        assertEquals(List.of("big.safetensors"), names());
        assertEquals("after", Files.readString(target));
    }

    /** A save that writes a little and then hangs until killed. */
    public static final class SlowWriter {
        public static void main(String[] args) throws IOException {
            AtomicFile.write(Path.of(args[0]), channel -> {
                channel.write(ByteBuffer.wrap(new byte[4096]));
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void aReadOnlyTargetIsRefusedAndKept() throws IOException {
        Path target = dir.resolve("frozen.safetensors");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> write(target, "new"));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("read-only"), e.getMessage());
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of("frozen.safetensors"), names(), "no temporary left");
    }

    @Test
    void errorsNameTheTargetNotTheTemporary() {
        Path target = dir.resolve("missing-dir").resolve("model.safetensors");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> write(target, "x"));
        assertTrue(e.getMessage().startsWith(target + ": could not write it"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }
}
