package org.jgrad.train;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal a progress line goes to: the {@code COLUMNS} variable when it is set
 * (the user's explicit choice), else what {@code stty size} reports for {@code /dev/tty} (shells
 * do not export {@code COLUMNS}, so a JVM usually has to ask), else 80, the classic default.
 */
final class TerminalWidth {
    static final int FALLBACK = 80;
    private static final File TTY = new File("/dev/tty");

    private TerminalWidth() {
    }

    /** The width now: COLUMNS, else the terminal's, else {@value #FALLBACK}. */
    static int current() {
        Integer fromVariable = parse(System.getenv("COLUMNS"));
        return fromVariable != null ? fromVariable : fromTty();
    }

    /** A positive column count in {@code text}, or null. */
    static Integer parse(String text) {
        try {
            int columns = text == null ? 0 : Integer.parseInt(text.trim());
            return columns > 0 ? columns : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code stty size < /dev/tty} prints "rows columns"; where there is no terminal (or no stty), the fallback. */
    static int fromTty() {
        if (!TTY.canRead()) {
            return FALLBACK;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                return FALLBACK;
            }
            String[] rowsColumns = answer.split("\\s+");
            Integer columns = rowsColumns.length == 2 ? parse(rowsColumns[1]) : null;
            return columns != null ? columns : FALLBACK;
        } catch (IOException e) {
            return FALLBACK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FALLBACK;
        }
    }
}
