package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.nn.Embedding;
import org.junit.jupiter.api.Test;

/** Embedding's paddingIdx and maxNorm, as PyTorch's padding_idx and max_norm. */
public class EmbeddingOptionsConformance extends NnSupport {
    private static final int NUM = 6;
    private static final int DIM = 4;

    @Test
    void thePaddingRowStartsZeroAndGetsNoGradient() {
        Generator.manualSeed(1);
        Embedding embedding = new Embedding(NUM, DIM).paddingIdx(-2);
        float[] weight = embedding.weight().toFloatArray();
        for (int j = 0; j < DIM; j++) {
            assertEquals(0, weight[4 * DIM + j], 0, "row 4 (-2) is zeroed");
        }
        Tensor out = embedding.forward(intTensor(new int[] {4, 1, 4, 2, 1}, 5));
        out.mul(out).sum().add(out.sum()).backward();
        float[] grad = embedding.weight().grad().toFloatArray();
        for (int i = 0; i < NUM; i++) {
            int uses = i == 1 ? 2 : i == 2 ? 1 : 0;
            for (int j = 0; j < DIM; j++) {
                assertEquals(uses * (2 * weight[i * DIM + j] + 1), grad[i * DIM + j], 1e-6, "row " + i + " col " + j);
            }
        }
        assertRejected(IllegalArgumentException.class, () -> new Embedding(NUM, DIM).paddingIdx(6), "paddingIdx 6", "-6 to 5");
    }

    @Test
    void maxNormRescalesTheLookedUpRowsInPlace() {
        Generator.manualSeed(2);
        Embedding embedding = new Embedding(NUM, DIM).maxNorm(1.5f);
        float[] before = embedding.weight().toFloatArray();
        Tensor out = embedding.forward(intTensor(new int[] {0, 3, 3, 5}, 2, 2));
        float[] after = embedding.weight().toFloatArray();
        float[] expected = before.clone();
        for (int row : new int[] {0, 3, 5}) {
            double norm = 0;
            for (int j = 0; j < DIM; j++) {
                norm += (double) before[row * DIM + j] * before[row * DIM + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < DIM; j++) {
                expected[row * DIM + j] = norm > 1.5 ? (float) (before[row * DIM + j] * (1.5 / (norm + 1e-7)))
                        : before[row * DIM + j];
            }
        }
        assertArrayEquals(expected, after, 1e-6f, "looked-up rows over the limit rescaled, others untouched");
        assertArrayEquals(new float[] {after[3 * DIM], after[3 * DIM + 1], after[3 * DIM + 2], after[3 * DIM + 3]},
                java.util.Arrays.copyOfRange(out.toFloatArray(), DIM, 2 * DIM), 0, "the output reads the rescaled rows");
    }
}
