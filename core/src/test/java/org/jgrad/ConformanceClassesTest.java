package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
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
        for (Class<?> type : PackageClasses.of(ConformanceSupport.class)) {
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
}
