#!/usr/bin/env python3
"""Writes KernelVariants.java: GEMM micro-kernel variants side by side, for C2's code and speed.

Each variant is one MR x NR register tile (NR = vectors x LANES floats: 8 for 256-bit vectors, 16
for 512-bit ones) accumulated over kc steps of packed A and B, in one of these index styles:

  offsets     strips at offsets in one array; A and B indices stepped by addition, a counter p
              (the kernel before docs/PERFORMANCE.md "Strips in arrays of their own")
  offsets-max offsets passed through Math.max(x, 0) (so C2 knows them >= 0), B's index the loop variable
  strips-b    each strip in its own array from index 0, B's index the loop variable (the kernel now)
  strips-a    the same with A's index the loop variable
  strips-p    each strip in its own array from index 0, the loop over steps p, both indices p times
              their strides, so C2 can hoist every bounds check out of the loop

The harness sweeps every tile of a 96-row A block against 12 x LANES columns of B (both L2-resident, kc 256),
slice by slice, the variants interleaved in each slice so the host's changing speed falls on all of
them alike, and prints quartiles of GFLOP/s over the slices. Usage (bench/kernel-variants/run does it):

  generate.py OUT_DIR LANES ROWS:VECTORS:STYLE:STEPS_PER_PASS ...
"""
import os
import sys

STYLES = ("offsets", "offsets-max", "strips-b", "strips-a", "strips-p")


def kernel(name, mr, nv, style, u, lanes):
    nr = nv * lanes
    lines = [f"    static void {name}(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc) {{"]
    acc = [(r, v) for r in range(mr) for v in range(nv)]
    for r, v in acc:
        lines.append(f"        FloatVector c{r}{v} = FloatVector.fromArray(S, c, co + {r} * ldc + {v * lanes});")
    lines.append("        FloatVector ai;" + "".join(f" FloatVector b{v};" for v in range(nv)))

    def step(o, ai, bi):
        out = [f"        b{v} = FloatVector.fromArray(S, b, {bi} + {o * nr + v * lanes});" for v in range(nv)]
        for r in range(mr):
            out.append(f"        ai = FloatVector.broadcast(S, a[{ai} + {o * mr + r}]);")
            out += [f"        c{r}{v} = ai.fma(b{v}, c{r}{v});" for v in range(nv)]
        return out

    whole = f"(kc - kc % {u})"
    # the styles that loop over B's index: where A's and B's indices start
    b_loop = {"offsets-max": ("Math.max(ao, 0)", "Math.max(bo, 0)"), "strips-b": ("0", "0")}
    if style == "offsets":
        head = ["int ap = ao; int bp = bo;", f"int bEnd = bp + {whole} * {nr};",
                f"for (int p = {u - 1}; p < kc; p += {u}) {{"]
        pass_end = f"ap += {u * mr}; bp += {u * nr}; }}"
        tail_a, tail_b = "ap", "bEnd"
    elif style in b_loop:
        a0, b0 = b_loop[style]
        head = [f"int ap = {a0}; int bStart = {b0}; int bEnd = bStart + {whole} * {nr};",
                f"for (int bp = bStart; bp < bEnd; bp += {u * nr}) {{"]
        pass_end = f"ap += {u * mr}; }}"
        tail_a, tail_b = "ap", "bEnd"
    elif style == "strips-p":
        head = [f"int steps = kc - kc % {u};", f"for (int p = 0; p < steps; p += {u}) {{",
                f"int ap = p * {mr}; int bp = p * {nr};"]
        pass_end = "}"
        tail_a, tail_b = f"steps * {mr}", f"steps * {nr}"
    else:
        head = [f"int bp = 0; int aEnd = {whole} * {mr};", f"for (int ap = 0; ap < aEnd; ap += {u * mr}) {{"]
        pass_end = f"bp += {u * nr}; }}"
        tail_a, tail_b = "aEnd", f"{whole} * {nr}"
    lines += ["        " + line for line in head]
    for o in range(u):
        lines += step(o, "ap", "bp")
    lines.append("        " + pass_end)
    lines.append(f"        for (int t = 0; t < kc % {u}; t++) {{")
    lines += step(0, f"({tail_a} + t * {mr})", f"({tail_b} + t * {nr})")
    lines.append("        }")
    for r, v in acc:
        lines.append(f"        c{r}{v}.intoArray(c, co + {r} * ldc + {v * lanes});")
    lines.append("    }")
    return lines


def main():
    out_dir, lanes, specs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    if lanes not in (8, 16):
        sys.exit(f"LANES {lanes}: expected 8 (256-bit vectors) or 16 (512-bit)")
    variants = []
    for spec in specs:
        rows, vectors, style, steps = spec.split(":")
        if style not in STYLES:
            sys.exit(f"unknown style {style}; expected one of {', '.join(STYLES)}")
        name = f"r{rows}x{vectors}_{style.replace('-', '_')}_u{steps}"
        variants.append((name, int(rows), int(vectors), style, int(steps)))
    src = ["import java.util.Arrays;", "import jdk.incubator.vector.FloatVector;", "import jdk.incubator.vector.VectorSpecies;",
           "", "public final class KernelVariants {", "    static final VectorSpecies<Float> S = FloatVector.SPECIES_" + str(lanes * 32) + ";"]
    for name, mr, nv, style, u in variants:
        src += kernel(name, mr, nv, style, u, lanes)
    src += ["    static float[][] strips(float[] x, int size, int n) {",
            "        float[][] r = new float[n][size];",
            "        for (int i = 0; i < n; i++) System.arraycopy(x, i * size, r[i], 0, size);",
            "        return r;", "    }",
            "    public static void main(String[] args) {",
            f"        int kc = 256, rows = 96, cols = {12 * lanes}, slices = Integer.parseInt(args[0]);",
            "        float[] a = new float[rows * kc], b = new float[cols * kc], c = new float[rows * cols];",
            "        Arrays.fill(a, 1.0001f); Arrays.fill(b, 0.9999f);",
            f"        double[][] r = new double[{len(variants)}][slices];"]
    for mr in sorted({v[1] for v in variants}):
        src.append(f"        float[][] a{mr} = strips(a, kc * {mr}, rows / {mr});")
    for nv in sorted({v[2] for v in variants}):
        src.append(f"        float[][] b{nv} = strips(b, kc * {nv * lanes}, cols / {nv * lanes});")
    src += ["        for (int t = -20; t < slices; t++) {",
            f"            for (int v = 0; v < {len(variants)}; v++) {{",
            "                long t0 = System.nanoTime(), flops = 0;",
            "                switch (v) {"]
    for i, (name, mr, nv, style, u) in enumerate(variants):
        operands = (f"a{mr}[ir / {mr}], 0, b{nv}[jr / {nv * lanes}], 0" if style.startswith("strips")
                    else "a, ir * kc, b, jr * kc")
        src.append(f"                    case {i} -> {{ for (int rep = 0; rep < 2; rep++) for (int jr = 0; jr + {nv * lanes} <= cols; jr += {nv * lanes})"
                   f" for (int ir = 0; ir + {mr} <= rows; ir += {mr}) {{ {name}(kc, {operands}, c, ir * cols + jr, cols);"
                   f" flops += 2L * {mr * nv * lanes} * kc; }} }}")
    src += ["                    default -> throw new AssertionError();", "                }",
            "                if (t >= 0) r[v][t] = (double) flops / (System.nanoTime() - t0);", "            }", "        }",
            "        String[] names = {" + ", ".join(f'"{v[0]}"' for v in variants) + "};",
            "        for (int v = 0; v < names.length; v++) {",
            "            double[] s = r[v].clone(); Arrays.sort(s);",
            "            System.out.printf(\"%-26s GFLOP/s over %d slices: q25 %.1f median %.1f q75 %.1f max %.1f%n\", names[v], slices,",
            "                    s[slices / 4], s[slices / 2], s[3 * slices / 4], s[slices - 1]);",
            "        }", "    }", "}"]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "KernelVariants.java"), "w") as f:
        f.write("\n".join(src) + "\n")


if __name__ == "__main__":
    main()
