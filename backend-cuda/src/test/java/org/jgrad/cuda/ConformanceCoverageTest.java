package org.jgrad.cuda;

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

/**
 * CudaConformanceTest runs every suite class of core's test-jar: each concrete-able suite (an
 * abstract class there whose name ends in "Conformance") has a nested class extending it, so a
 * suite added to core later cannot be forgotten here.
 */
class ConformanceCoverageTest {

    @Test
    void everySuiteClassHasANestedCudaClass() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> suites = new TreeSet<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName("org.jgrad.conformance." + name);
            if (name.endsWith("Conformance") && Modifier.isAbstract(type.getModifiers())
                    && ConformanceSupport.class.isAssignableFrom(type)) {
                suites.add(type.getSimpleName());
            }
        }
        Set<String> covered = Arrays.stream(CudaConformanceTest.class.getDeclaredClasses())
                .map(nested -> nested.getSuperclass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(suites.size() > 50, "found only " + suites);
        assertEquals(suites, covered);
    }

    /** Simple names of the classes in org.jgrad.conformance, from the test-jar (or its classes folder). */
    private static Set<String> classNames() throws IOException, URISyntaxException {
        Path location = Path.of(ConformanceSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return list(location.resolve("org/jgrad/conformance"));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
            return list(jar.getPath("org/jgrad/conformance"));
        }
    }

    private static Set<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
