package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A PyTorch-style loop with no Scope and no close ({@link ScopelessLoop}: MLP 784-512-256-10,
 * Adam) trains 10,000 steps in a child JVM with a 256 MiB heap without running out of memory:
 * backward releases the graph, and allocation frees dropped buffers (collecting when the heap is
 * short). The child uses this JVM's kernel path; {@code -Djgrad.test.scopeless.runs=N} repeats it (N >= 1).
 */
class CpuScopelessTrainingTest {
    private static final int STEPS = 10_000;

    @Test
    void tenThousandStepsWithoutAScopeFitIn256MiB() throws IOException, InterruptedException {
        int runs = Math.max(1, Integer.getInteger("jgrad.test.scopeless.runs", 1));
        for (int run = 1; run <= runs; run++) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "--add-modules", "jdk.incubator.vector",
                    "-Djgrad.cpu.vector=" + System.getProperty("jgrad.cpu.vector", "true"),
                    "-cp", System.getProperty("java.class.path"), ScopelessLoop.class.getName(), String.valueOf(STEPS)));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.MINUTES), "the child finished");
            assertEquals(0, child.exitValue(), "run " + run + " of " + runs + " failed:\n" + output);
            assertTrue(output.contains("done " + STEPS), output);
        }
    }
}
