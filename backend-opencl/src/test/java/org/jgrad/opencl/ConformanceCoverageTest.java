package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jgrad.conformance.ConformanceSupport;
import org.junit.jupiter.api.Test;

/** Every suite class of the conformance package (a public abstract *Conformance) has a nested class in OpenClConformanceTest. */
class ConformanceCoverageTest {

    @Test
    void everyConformanceClassRunsOnOpenCl() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> suites = suiteClasses();
        assertTrue(suites.size() > 50, "expected the whole conformance package, found " + suites);
        Set<String> covered = Arrays.stream(OpenClConformanceTest.class.getDeclaredClasses())
                .map(nested -> nested.getSuperclass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(suites);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "conformance classes without a nested class in OpenClConformanceTest");
    }

    /** Public abstract classes named *Conformance in the package of ConformanceSupport (a jar or a folder). */
    private static Set<String> suiteClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(ConformanceSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = ConformanceSupport.class.getPackageName();
        Set<String> names = new TreeSet<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location, Map.of())) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path file : files.toList()) {
                    String simple = file.getFileName().toString();
                    if (simple.endsWith("Conformance.class")) {
                        names.add(pkg + "." + simple.substring(0, simple.length() - ".class".length()));
                    }
                }
            }
        }
        Set<String> suites = new TreeSet<>();
        for (String name : names) {
            int modifiers = Class.forName(name).getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isAbstract(modifiers)) {
                suites.add(name);
            }
        }
        return suites;
    }
}
