package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each CI example with few epochs and checks what its summary line reports. */
class ExampleSmokeTest {
    @TempDir
    Path dir;

    private Map<String, String> run(ExampleSpec spec, ExampleRun.Body body, String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String line = ExampleRun.execute(spec, args, new PrintStream(bytes, true, StandardCharsets.UTF_8), body);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(line, lines[lines.length - 1], "the summary is the last line");
        return Summary.parse(line);
    }

    @Test
    void digitsReachesTheIssuesAccuracyAndWritesItsFiles() throws IOException {
        Map<String, String> summary = run(DigitsExample.SPEC, DigitsExample::run,
                "--backend", "cpu", "--epochs", "10", "--out", dir.toString());
        assertEquals("digits", summary.get("example"));
        assertEquals("cpu", summary.get("backend"));
        assertEquals("10", summary.get("epochs"));
        assertTrue(Double.parseDouble(summary.get("test_acc")) >= 0.95, "test_acc " + summary.get("test_acc"));
        assertTrue(Files.size(dir.resolve("loss.png")) > 1000);
        assertEquals(11, Files.readAllLines(dir.resolve("history.csv")).size(), "header and 10 epochs");
        assertTrue(Files.size(dir.resolve("best.safetensors")) > 9_610 * 4, "the weights at least");
    }

    @Test
    void linearRegressionRecoversTheWeightsEveryWay() throws IOException {
        Map<String, String> summary = run(LinearRegressionExample.SPEC, LinearRegressionExample::run,
                "--epochs", "20", "--samples", "200");
        for (String method : new String[] {"batch_gd", "sgd", "mini_batch"}) {
            String[] w = summary.get(method + "_w").split(",");
            assertEquals(1, Double.parseDouble(w[0]), 0.15, method + " w1");
            assertEquals(2, Double.parseDouble(w[1]), 0.15, method + " w2");
        }
    }

    @Test
    void optimizersReportsAFiniteFinalLossForEveryRun() throws IOException {
        Map<String, String> summary = run(OptimizersExample.SPEC, OptimizersExample::run,
                "--epochs", "3", "--out", dir.toString());
        assertEquals(14, summary.size(), "example, backend, epochs, nine runs, weights_sha256, seconds: " + summary);
        summary.forEach((key, value) -> {
            if (key.endsWith("_fixed") || key.startsWith("sgd_momentum_")) {
                double loss = Double.parseDouble(value);
                assertTrue(loss > 0 && loss < Math.log(3) + 0.5, key + " = " + value);
            }
        });
        assertTrue(Files.size(dir.resolve("losses.png")) > 1000);
    }

    @Test
    void mnistWithoutItsFilesNamesTheFetchCommand() {
        assertMissingDataNames("scripts/fetch-mnist", MnistMlpExample.SPEC, MnistMlpExample::run);
    }

    /** Runs the example one epoch with an empty data folder: it must fail naming {@code command}. */
    private void assertMissingDataNames(String command, ExampleSpec spec, ExampleRun.Body body) {
        String previous = System.getProperty("jgrad.data");
        System.setProperty("jgrad.data", dir.toString());
        try {
            FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> run(spec, body, "--epochs", "1"));
            assertTrue(e.getMessage().contains(command), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("jgrad.data");
            } else {
                System.setProperty("jgrad.data", previous);
            }
        }
    }

    @Test
    void charLmWithoutItsTextNamesTheFetchCommand() {
        assertMissingDataNames("scripts/fetch-fortunes", CharLmExample.SPEC, CharLmExample::run);
    }

    @Test
    void charLmLearnsASmallTextBelowItsUnigramEntropy() throws IOException {
        charLmLearnsASmallText("lstm", "--hidden", "32");
    }

    @Test
    void charLmGruWithDropoutLearnsASmallTextBelowItsUnigramEntropy() throws IOException {
        charLmLearnsASmallText("gru", "--hidden", "32", "--dropout", "0.1");
    }

    @Test
    void charLmTransformerLearnsASmallTextBelowItsUnigramEntropy() throws IOException {
        charLmLearnsASmallText("transformer", "--hidden", "32", "--heads", "2", "--positions", "sinusoidal");
    }

    private void charLmLearnsASmallText(String model, String... options) throws IOException {
        String[] words = {"the ", "cat ", "sat ", "on ", "a ", "mat ", "and ", "dog ", "ran ", "far.\n"};
        StringBuilder text = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        while (text.length() < 40_000) {
            text.append(words[random.nextInt(words.length)]);
        }
        Path file = dir.resolve("small.txt");
        Files.writeString(file, text);
        String[] args = {"--model", model, "--text", file.toString(), "--epochs", "2", "--seq-len", "16", "--batch-size", "16",
            "--sample-chars", "50"};
        String[] all = java.util.Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        Map<String, String> summary = run(CharLmExample.SPEC, CharLmExample::run, all);
        assertEquals(model, summary.get("model"));
        double bpc = Double.parseDouble(summary.get("val_bpc"));
        assertTrue(bpc < 0.8 * unigramBits(text.toString()), model + " val_bpc " + bpc + ", unigram "
                + unigramBits(text.toString()));
    }

    /** Bits per character of the text's own character frequencies: what a model without context reaches. */
    private static double unigramBits(String text) {
        Map<Character, Integer> counts = new java.util.HashMap<>();
        text.chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
