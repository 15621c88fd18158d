package org.jgrad.cpu;

import org.jgrad.backend.GemmShape;
import org.jgrad.conformance.GemmConformance;
import org.junit.jupiter.api.Test;

/** What the CPU's GEMM promises beyond the SPI (Surefire runs it on the Vector API and scalar paths). */
class CpuGemmOrderTest {

    /**
     * Not part of the SPI contract (see Sgemm): on the CPU, batch entries sharing one C run in
     * order, each one scaling what the ones before it left (beta = 0.5 makes the order matter).
     * Enough small entries that Sgemm would spread them over threads if they did not share C.
     */
    @Test
    void entriesSharingCAccumulateInOrder() {
        int m = 16;
        int n = 16;
        int k = 16;
        new GemmConformance().check(new GemmShape(1500, m, n, k, false, false, 1f, 0.5f,
                0, k, (long) m * k, 0, n, (long) k * n, 0, n, 0), 21);
    }
}
