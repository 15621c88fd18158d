package org.jgrad.data;

import java.nio.file.Path;

/**
 * Where downloaded data sets live: {@code -Djgrad.data}, else the environment variable
 * {@code JGRAD_DATA}, else {@code ~/.cache/jgrad}; each data set has a folder inside it.
 */
final class DataHome {
    private DataHome() {
    }

    static Path root() {
        String property = System.getProperty("jgrad.data");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("JGRAD_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "jgrad");
    }
}
