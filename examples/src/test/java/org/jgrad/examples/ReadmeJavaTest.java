package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md is a complete compilation unit that compiles against
 * jgrad as shown (imports included), and the first one, the program at the top of the README,
 * runs and trains: its loss falls.
 */
class ReadmeJavaTest {
    private static final Pattern BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern LOSS = Pattern.compile("epoch (\\d+) loss (\\d+\\.\\d+)");

    @TempDir
    Path dir;

    private static List<String> javaBlocks() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Compiles {@code source} into {@code out}; returns its public class's name. */
    private static String compile(String source, int index, Path out) throws Exception {
        Matcher name = CLASS.matcher(source);
        assertTrue(name.find(), "README java block " + index + " declares no public class:\n" + source);
        Path file = out.resolve(name.group(1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "--add-modules", "jdk.incubator.vector"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        assertTrue(ok, "README java block " + index + " does not compile:\n" + errors);
        return name.group(1);
    }

    @Test
    void everyJavaBlockCompilesAndTheFirstTrains() throws Exception {
        List<String> blocks = javaBlocks();
        assertFalse(blocks.isEmpty(), "README.md has java blocks");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path out = Files.createDirectories(dir.resolve("block" + i));
            classes.add(compile(blocks.get(i), i, out));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("block0").toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass(classes.get(0)).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        List<Double> losses = new ArrayList<>();
        Matcher m = LOSS.matcher(printed.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            losses.add(Double.parseDouble(m.group(2)));
        }
        assertEquals(3, losses.size(), printed.toString(StandardCharsets.UTF_8));
        assertTrue(losses.get(2) < losses.get(0) && losses.get(2) < 0.2, "the loss falls: " + losses);
    }
}
