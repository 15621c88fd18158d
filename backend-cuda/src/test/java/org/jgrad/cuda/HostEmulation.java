package org.jgrad.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds (once, with g++) and calls src/test/cuda/host_emulation.cpp, which runs the CUDA
 * kernels' source on the host. A request is the kernel's name and its numbers; floats travel as
 * their int bits so nothing is lost in text.
 */
final class HostEmulation {
    private static final Path SOURCE = Path.of("src/test/cuda/host_emulation.cpp");
    private static final Path BINARY = Path.of("target/host_emulation");
    private static String unavailable;

    private final StringBuilder request = new StringBuilder();

    private HostEmulation(String kernel) {
        request.append(kernel);
    }

    /** Why the emulator cannot run here (no g++), or null when it can; builds it on first use. */
    static synchronized String unavailableReason() {
        if (unavailable == null) {
            unavailable = build();
        }
        return unavailable.isEmpty() ? null : unavailable;
    }

    private static String build() {
        try {
            Process gxx = new ProcessBuilder("g++", "-O2", "-std=c++20", "-o", BINARY.toString(), SOURCE.toString())
                    .redirectErrorStream(true).start();
            String log = new String(gxx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return gxx.waitFor() == 0 ? "" : "g++ could not build the host emulation: " + log;
        } catch (IOException e) {
            return "no g++ to build the kernels' host emulation (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building the host emulation";
        }
    }

    /** The built emulator; call {@link #unavailableReason()} first. */
    static Path binary() {
        return BINARY;
    }

    static HostEmulation of(String kernel) {
        return new HostEmulation(kernel);
    }

    HostEmulation ints(long... values) {
        for (long v : values) {
            request.append(' ').append(v);
        }
        return this;
    }

    HostEmulation floats(float... values) {
        for (float v : values) {
            request.append(' ').append(Float.floatToRawIntBits(v));
        }
        return this;
    }

    /** An array: its length, then its elements. */
    HostEmulation array(float[] values) {
        return ints(values.length).floats(values);
    }

    HostEmulation array(int[] values) {
        ints(values.length);
        return ints(Arrays.stream(values).asLongStream().toArray());
    }

    /** Runs the request; each output line is one array of ints (float arrays as their bits). */
    List<int[]> run() {
        try {
            Process process = new ProcessBuilder(BINARY.toString()).start();
            process.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("host emulation failed on '" + request.substring(0, 40) + "...': " + err);
            }
            List<int[]> arrays = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                int[] numbers = Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
                arrays.add(Arrays.copyOfRange(numbers, 1, numbers.length));
            }
            return arrays;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one float array the request returns. */
    float[] runFloats() {
        return toFloats(run().get(0));
    }

    static float[] toFloats(int[] bits) {
        float[] values = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            values[i] = Float.intBitsToFloat(bits[i]);
        }
        return values;
    }
}
