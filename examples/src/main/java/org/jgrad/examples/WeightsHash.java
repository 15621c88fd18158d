package org.jgrad.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jgrad.io.SafeTensors;
import org.jgrad.nn.Module;

/**
 * The {@code weights_sha256} of a summary line: SHA-256 of the final state dict as written to
 * safetensors (of each model in turn when an example trains several), so two runs can be compared
 * by one string. On the CPU backend the same seed gives the same hash on any thread count, JVM
 * and kernel path.
 */
final class WeightsHash {
    private final MessageDigest digest;

    WeightsHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE platform must have", e);
        }
    }

    /** The hash of one model's state dict. */
    static String of(Module model) throws IOException {
        return new WeightsHash().add(model).hex();
    }

    /** Adds the bytes of {@code model}'s state dict as safetensors writes them. */
    WeightsHash add(Module model) throws IOException {
        Path file = Files.createTempFile("jgrad-weights", ".safetensors");
        try {
            SafeTensors.write(file, model.stateDict());
            digest.update(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
