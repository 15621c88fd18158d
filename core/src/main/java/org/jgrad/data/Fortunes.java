package org.jgrad.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The English text of Debian's {@code fortunes} package (fortune-mod's collections, about 2.3 MB),
 * one plain-text file that {@code scripts/fetch-fortunes} writes to {@code fortunes/fortunes.txt}
 * in the data folder ({@code -Djgrad.data}, {@code JGRAD_DATA}, else {@code ~/.cache/jgrad}).
 */
public final class Fortunes {
    private Fortunes() {
    }

    /** Where {@code scripts/fetch-fortunes} puts the text by default. */
    public static Path defaultFile() {
        return DataHome.root().resolve("fortunes").resolve("fortunes.txt");
    }

    /** The text of the default file. */
    public static String load() throws IOException {
        return load(defaultFile());
    }

    /** The text of {@code file} (UTF-8); a missing file fails naming the command that fetches it. */
    public static String load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("no text at " + file + "; fetch it with: scripts/fetch-fortunes"
                    + (file.equals(defaultFile()) ? "" : " " + file.getParent()));
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
