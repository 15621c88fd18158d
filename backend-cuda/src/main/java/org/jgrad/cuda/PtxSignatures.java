package org.jgrad.cuda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter sizes of each kernel, read from its PTX ({@code .param .u32 ...},
 * {@code .param .align 8 .b8 name[88]}), so every launch can check that its arguments match the
 * kernel's in number and size: a mismatch would otherwise make the kernel read garbage silently.
 */
final class PtxSignatures {
    private static final Pattern ENTRY = Pattern.compile("\\.entry (\\w+)\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param (?:\\.align \\d+ )?\\.([busf])(\\d+) \\w+(?:\\[(\\d+)\\])?");

    private PtxSignatures() {
    }

    /** Kernel name to the byte size of each parameter, in order. */
    static Map<String, int[]> parse(String ptx) {
        Map<String, int[]> kernels = new HashMap<>();
        Matcher entry = ENTRY.matcher(ptx);
        while (entry.find()) {
            List<Integer> sizes = new ArrayList<>();
            Matcher param = PARAM.matcher(entry.group(2));
            while (param.find()) {
                int elementBytes = Integer.parseInt(param.group(2)) / 8;
                sizes.add(param.group(3) == null ? elementBytes : elementBytes * Integer.parseInt(param.group(3)));
            }
            kernels.put(entry.group(1), sizes.stream().mapToInt(Integer::intValue).toArray());
        }
        return kernels;
    }

    /** The byte size a launch argument passes (see {@link Kernels}). */
    static int sizeOf(Object arg) {
        if (arg instanceof Integer || arg instanceof Float || arg instanceof Boolean) {
            return 4;
        }
        return arg instanceof byte[] struct ? struct.length : 8;
    }

    /** Fails, naming the kernel and the argument, unless the arguments match the sizes. */
    static void check(String kernel, int[] sizes, Object[] args) {
        if (sizes.length != args.length) {
            throw new IllegalStateException("cuda: " + kernel + " takes " + sizes.length + " arguments, given " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (sizeOf(args[i]) != sizes[i]) {
                throw new IllegalStateException("cuda: argument " + i + " of " + kernel + " is " + sizes[i]
                        + " bytes in the PTX but " + sizeOf(args[i]) + " bytes as given");
            }
        }
    }
}
