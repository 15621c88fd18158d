package org.jgrad;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The top-level classes of a package, as compiled into the folder (or jar folder) that holds {@code anchor}. */
final class PackageClasses {
    private PackageClasses() {
    }

    static List<Class<?>> of(Class<?> anchor) throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = anchor.getPackageName();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    types.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        return types;
    }
}
