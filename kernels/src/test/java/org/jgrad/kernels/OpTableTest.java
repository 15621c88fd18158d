package org.jgrad.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The kernels' one op table, ops.h, lists the Java enums' constants in their order (the Java side
 * passes ordinals), and no kernel switches on a bare number or lets an unknown op fall into a
 * real branch: every default fails (CUDA traps; OpenCL C, which cannot, yields NaN).
 */
class OpTableTest {
    private static final Path SOURCES = Path.of("src/main");
    private static final Pattern ENUM = Pattern.compile("enum (\\w+) \\{([^}]*)\\}");

    @Test
    void opsHeaderListsTheJavaEnumsInOrder() throws IOException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        Matcher m = ENUM.matcher(Files.readString(SOURCES.resolve("resources/ops.h")));
        while (m.find()) {
            table.put(m.group(1), Arrays.stream(m.group(2).split(",")).map(String::trim).toList());
        }
        Map<String, List<String>> java = new LinkedHashMap<>();
        for (Class<? extends Enum<?>> type : List.of(UnaryOp.class, BinaryOp.class, ReduceOp.class)) {
            java.put(type.getSimpleName(), Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
        assertEquals(java, table, "kernels/src/main/resources/ops.h against org.jgrad.backend's enums");
    }

    @Test
    void kernelsUseNamesAndEveryDefaultFails() throws IOException {
        List<String> wrong = new ArrayList<>();
        Pattern bareNumber = Pattern.compile("case\\s+-?\\d+\\s*:|\\bop\\s*[=!<>]=?\\s*\\d");
        Pattern failingDefault = Pattern.compile("default:\\s*(__trap\\(\\);|return NAN;)");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(cu|cuh|cl|h)$")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (bareNumber.matcher(line).find()
                            || line.contains("default:") && !failingDefault.matcher(line).find()) {
                        wrong.add(file + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "kernel branches on a bare op number, or a default that computes something");
    }
}
