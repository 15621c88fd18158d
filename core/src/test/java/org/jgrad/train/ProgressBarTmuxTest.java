package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress bar on a real terminal: {@link ProgressBarTerminalDemo} runs in a detached tmux
 * pane of 80 columns with {@code COLUMNS} and {@code CI} unset. It must draw live, find the width
 * (80) through {@code /dev/tty}, and leave exactly the epoch labels and end lines on screen: no
 * line as wide as the pane (it would wrap) and no leftover live line (a redraw that added a line).
 * Without tmux the test is skipped, except under {@code CI}, where it fails.
 */
class ProgressBarTmuxTest {
    private static final String SOCKET = "jgrad-progress-test-" + ProcessHandle.current().pid();

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SOCKET, "-f", "/dev/null"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "tmux " + args[0] + " finishes");
        assertEquals(0, p.exitValue(), "tmux " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void drawsInPlaceWithinAnEightyColumnPane() throws Exception {
        String ci = System.getenv("CI");
        boolean inCi = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
        assumeTrue(inCi || tmuxInstalled(), "tmux is not installed (apt-get install tmux); CI installs it");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env -u COLUMNS -u CI " + java + " -cp " + System.getProperty("java.class.path")
                + " org.jgrad.train.ProgressBarTerminalDemo; sleep 60";
        try {
            tmux("new-session", "-d", "-x", "80", "-y", "40", "-s", "bar", command);
            String screen = "";
            for (int wait = 0; wait < 300 && !screen.contains("DONE"); wait++) {
                Thread.sleep(100);
                screen = tmux("capture-pane", "-p", "-J", "-t", "bar");
            }
            assertTrue(screen.contains("style=LIVE width=80 DONE"), screen);
            List<String> rows = screen.lines().filter(row -> !row.isBlank()).toList();
            for (String row : rows) {
                assertTrue(row.stripTrailing().length() < 80, "narrower than the pane: '" + row + "'\n" + screen);
                assertTrue(!row.contains("ETA"), "no leftover live line: '" + row + "'\n" + screen);
            }
            assertEquals(3, rows.stream().filter(row -> row.startsWith("Epoch ")).count(), screen);
            assertTrue(rows.size() <= 3 * 3 + 1, "labels and end lines only, no line per redraw:\n" + screen);
        } finally {
            tmux("kill-server");
        }
    }
}
