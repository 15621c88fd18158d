package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jgrad.conformance.ConformanceSupport;
import org.junit.jupiter.api.Test;

/**
 * Every backend runs every suite class by construction (the parent POM's conformance-suite profile
 * runs the {@code *Conformance} classes of this test-jar), which holds only if each suite class is
 * concrete and named so: an abstract one, or one named otherwise, would be passed over in silence.
 */
class ConformanceClassesTest {

    @Test
    void everySuiteClassIsConcreteAndNamedForTheRunner() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> wrong = new ArrayList<>();
        int suites = 0;
        for (Class<?> type : conformancePackage()) {
            boolean suite = ConformanceSupport.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers());
            boolean named = type.getSimpleName().endsWith("Conformance");
            if (suite && named && Modifier.isPublic(type.getModifiers())) {
                suites++;
            } else if (suite || named) {
                wrong.add(type.getSimpleName());
            }
        }
        assertEquals(List.of(), wrong, "suite classes must be public, concrete, extend ConformanceSupport and end in"
                + " 'Conformance' (abstract bases end in 'Support')");
        assertTrue(suites > 50, "expected the whole conformance package, found " + suites + " suite classes");
    }

    /** The top-level classes of the conformance package, as compiled into this module's test classes. */
    private static List<Class<?>> conformancePackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ConformanceSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = ConformanceSupport.class.getPackageName();
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
