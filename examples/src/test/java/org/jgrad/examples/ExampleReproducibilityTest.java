package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrad.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's proof: examples trained in separate JVMs, with different processor counts
 * (-XX:ActiveProcessorCount), jgrad thread counts (-Djgrad.cpu.threads) and both CPU kernel
 * paths, end with the same weights_sha256; so does a run stopped halfway and resumed from its
 * checkpoint in another JVM. The digits runs are 20 epochs (about 900 steps), past the point
 * where C2 has compiled the kernels (the old kernels changed their bits there).
 */
class ExampleReproducibilityTest {
    private static final String DIGITS = "org.jgrad.examples.DigitsExample";
    private static final String VECTOR_OFF = "-Djgrad.cpu.vector=false";

    @TempDir
    Path dir;

    @Test
    void digitsEndsWithOneHashOnEveryThreadCountAndKernelPath() throws Exception {
        List<List<String>> jvms = List.of(
                List.of("-XX:ActiveProcessorCount=1"),
                List.of("-XX:ActiveProcessorCount=2"),
                List.of("-XX:ActiveProcessorCount=4", VECTOR_OFF),
                List.of("-XX:ActiveProcessorCount=2", "-Djgrad.cpu.threads=8"),
                List.of("-XX:ActiveProcessorCount=1", "-Djgrad.cpu.threads=3", VECTOR_OFF));
        assertOneHash(DIGITS, jvms, "--epochs", "20");
    }

    @Test
    void digitsResumedHalfwayInAnotherJvmEndsWithTheSameHash() throws Exception {
        String whole = run(DIGITS, List.of("-XX:ActiveProcessorCount=2"), "--epochs", "10",
                "--out", dir.resolve("whole").toString()).get("weights_sha256");
        Path first = dir.resolve("first");
        run(DIGITS, List.of("-XX:ActiveProcessorCount=1"), "--epochs", "10", "--stop-after", "5", "--out", first.toString());
        String resumed = run(DIGITS, List.of("-XX:ActiveProcessorCount=4", VECTOR_OFF), "--epochs", "10",
                "--resume", first.resolve("last.safetensors").toString(), "--out", dir.resolve("second").toString())
                .get("weights_sha256");
        assertEquals(whole, resumed, "10 epochs at once vs 5, checkpoint, then 5 more in another JVM");
    }

    @Test
    void mnistMlpEpochEndsWithOneHashOnEveryThreadCountAndKernelPath() throws Exception {
        assumeTrue(Files.exists(Mnist.defaultDirectory().resolve("train-images-idx3-ubyte")),
                "MNIST is not in " + Mnist.defaultDirectory() + " (scripts/fetch-mnist fetches it)");
        List<List<String>> jvms = List.of(
                List.of("-XX:ActiveProcessorCount=1"),
                List.of("-XX:ActiveProcessorCount=2", VECTOR_OFF),
                List.of("-XX:ActiveProcessorCount=2", "-Djgrad.cpu.threads=4"));
        assertOneHash("org.jgrad.examples.MnistMlpExample", jvms, "--epochs", "1");
    }

    private void assertOneHash(String main, List<List<String>> jvms, String... args) throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (List<String> jvm : jvms) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--out", dir.resolve("run" + hashes.size()).toString()));
            hashes.put(String.join(" ", jvm), run(main, jvm, all.toArray(new String[0])).get("weights_sha256"));
        }
        String first = hashes.values().iterator().next();
        assertTrue(first.matches("[0-9a-f]{64}"), "weights_sha256 " + first);
        hashes.forEach((jvm, hash) -> assertEquals(first, hash, "weights_sha256 by JVM options: " + hashes));
    }

    /** Runs an example's main in a new JVM on this test's class path; returns its summary line's pairs. */
    private Map<String, String> run(String main, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, "--backend", "cpu"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "example", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 15 minutes");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String output = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        assertEquals(0, process.exitValue(), command + " failed:\n" + output);
        return Summary.parse(lines.get(lines.size() - 1));
    }
}
