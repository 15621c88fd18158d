package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.Test;

class PtxSignaturesTest {
    private static final String PTX = """
            .visible .entry sgd_like(
            \t.param .u64 sgd_like_param_0,
            \t.param .u32 sgd_like_param_1,
            \t.param .f32 sgd_like_param_2,
            \t.param .align 8 .b8 sgd_like_param_3[88]
            )
            .visible .entry none(
            )
            """;

    @Test
    void parsesScalarPointerAndStructParameters() {
        Map<String, int[]> kernels = PtxSignatures.parse(PTX);
        assertArrayEquals(new int[] {8, 4, 4, 88}, kernels.get("sgd_like"));
        assertArrayEquals(new int[0], kernels.get("none"));
    }

    @Test
    void matchingArgumentsPass() {
        PtxSignatures.check("sgd_like", new int[] {8, 4, 4, 88}, new Object[] {new CUdeviceptr(), 3, 0.5f, new byte[88]});
        PtxSignatures.check("sgd_like", new int[] {8, 4, 4, 88}, new Object[] {null, true, 1f, new byte[88]});
    }

    @Test
    void aWrongCountOrSizeIsNamed() {
        IllegalStateException count = assertThrows(IllegalStateException.class,
                () -> PtxSignatures.check("k", new int[] {8, 4}, new Object[] {null}));
        assertEquals("cuda: k takes 2 arguments, given 1", count.getMessage());
        IllegalStateException size = assertThrows(IllegalStateException.class,
                () -> PtxSignatures.check("k", new int[] {8, 4}, new Object[] {null, 5L}));
        assertEquals("cuda: argument 1 of k is 4 bytes in the PTX but 8 bytes as given", size.getMessage());
    }
}
