package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.Distribution;

/** Counter-based random fill: each work-item computes its element's Philox block, as org.jgrad.backend.Philox defines. */
final class RandomOps {
    private final ClRuntime cl;

    RandomOps(ClRuntime cl) {
        this.cl = cl;
    }

    void random(Distribution dist, long seed, long offset, float a, float b, ClBuffer out) {
        out.expect(DType.FLOAT32, "random", "out");
        String kernel = dist == Distribution.UNIFORM ? "random_uniform" : "random_normal";
        cl.launch(kernel).l(seed).l(offset).f(a).f(b).i(out.length()).mem(out).run1d(out.length());
    }
}
