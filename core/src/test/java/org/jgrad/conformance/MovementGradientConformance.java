package org.jgrad.conformance;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;

/** Gradients of the shape and movement ops, cat and stack, and the indexing ops gather and indexSelect. */
public class MovementGradientConformance extends TensorConformanceSupport {

    private static GradInput any(long seed, int... shape) {
        return GradInput.uniform(seed, -1, 1, shape);
    }

    @Test
    void reshapeAndFlatten() {
        check("reshape [3, 4] to [2, 6]", t -> t[0].reshape(2, 6), any(61, 3, 4));
        check("reshape [3, 4] to [-1, 2]", t -> t[0].reshape(-1, 2), any(62, 3, 4));
        check("reshape 0-d to [1, 1]", t -> t[0].reshape(1, 1), any(63));
        check("flatten() of [2, 3, 4]", t -> t[0].flatten(), any(64, 2, 3, 4));
        check("flatten(1, 2) of [2, 3, 4, 5]", t -> t[0].flatten(1, 2), any(65, 2, 3, 4, 5));
        check("flatten(0, -1) of [3, 1, 2]", t -> t[0].flatten(0, -1), any(66, 3, 1, 2));
    }

    @Test
    void permuteAndTranspose() {
        check("permute(2, 0, 1)", t -> t[0].permute(2, 0, 1), any(67, 2, 3, 4));
        check("permute(1, 2, 0)", t -> t[0].permute(1, 2, 0), any(68, 2, 3, 4));
        check("permute(-1, 0, 1, 2)", t -> t[0].permute(-1, 0, 1, 2), any(69, 2, 1, 3, 4));
        check("transpose(0, 1) of [3, 5]", t -> t[0].transpose(0, 1), any(70, 3, 5));
        check("transpose(0, -1) of [2, 3, 4]", t -> t[0].transpose(0, -1), any(71, 2, 3, 4));
        check("transpose then matmul", t -> t[0].transpose(0, 1).matmul(t[1]), any(72, 4, 3), any(73, 4, 2));
    }

    @Test
    void squeezeAndUnsqueeze() {
        check("squeeze() of [1, 3, 1, 4]", t -> t[0].squeeze(), any(74, 1, 3, 1, 4));
        check("squeeze(2) of [1, 3, 1, 4]", t -> t[0].squeeze(2), any(75, 1, 3, 1, 4));
        check("squeeze(1) of size 3 is a no-op", t -> t[0].squeeze(1), any(76, 1, 3, 1, 4));
        check("unsqueeze(0) of [3, 4]", t -> t[0].unsqueeze(0), any(77, 3, 4));
        check("unsqueeze(-1) of [3, 4]", t -> t[0].unsqueeze(-1), any(78, 3, 4));
        check("unsqueeze(1) then broadcast", t -> t[0].unsqueeze(1).mul(t[1]), any(79, 3, 4), any(80, 3, 5, 4));
    }

    @Test
    void narrowAndSlice() {
        check("narrow(1, 1, 2) of [3, 5]", t -> t[0].narrow(1, 1, 2), any(81, 3, 5));
        check("narrow(0, 2, 1) of [3, 5]", t -> t[0].narrow(0, 2, 1), any(82, 3, 5));
        check("narrow(-1, 0, 4) of [2, 3, 4]", t -> t[0].narrow(-1, 0, 4), any(83, 2, 3, 4));
        check("slice(1, -3, -1) of [2, 7]", t -> t[0].slice(1, -3, -1), any(84, 2, 7));
        check("slice(0, 1, 100) of [4, 3]", t -> t[0].slice(0, 1, 100), any(85, 4, 3));
        check("two overlapping slices", t -> t[0].slice(0, 0, 3).add(t[0].slice(0, 1, 4)), any(86, 4, 3));
    }

    @Test
    void catAlongEachDimension() {
        check("cat dim 0", t -> Tensors.cat(0, t[0], t[1], t[2]), any(87, 2, 4), any(88, 3, 4), any(89, 1, 4));
        check("cat dim 1", t -> Tensors.cat(1, t[0], t[1]), any(90, 3, 2), any(91, 3, 5));
        check("cat dim -1 of 3-D", t -> Tensors.cat(-1, t[0], t[1]), any(92, 2, 3, 1), any(93, 2, 3, 4));
        check("cat of one tensor", t -> Tensors.cat(0, t[0]), any(94, 3, 2));
        check("cat of a tensor with itself", t -> Tensors.cat(1, t[0], t[1], t[0]), any(95, 2, 3), any(96, 2, 1));
    }

    @Test
    void stackAlongEachDimension() {
        GradInput[] parts = {any(97, 3, 4), any(98, 3, 4), any(99, 3, 4)};
        check("stack dim 0", t -> Tensors.stack(0, t), parts);
        check("stack dim 1", t -> Tensors.stack(1, t), parts);
        check("stack dim -1", t -> Tensors.stack(-1, t), parts);
        check("stack of 0-d tensors", t -> Tensors.stack(0, t), any(100), any(101));
    }

    @Test
    void expandSumsTheGradientOverRepeats() {
        check("expand [3, 1] to [2, 3, 4]", t -> t[0].expand(2, 3, 4), any(102, 3, 1));
        check("expand [1] to [5]", t -> t[0].expand(5), any(103, 1));
        check("expand [4] to [3, 4]", t -> t[0].expand(3, 4), any(104, 4));
        check("expand [3, 1] to [-1, 5]", t -> t[0].expand(-1, 5), any(105, 3, 1));
        check("expand 0-d to [2, 2]", t -> t[0].expand(2, 2), any(106));
    }

    @Test
    void gatherAddsTheGradientAtRepeatedIndices() {
        Tensor alongColumns = Tensors.fromArray(new int[] {
            0, 4, 4, 1, 0, 2, 3,
            1, 1, 1, 1, 1, 1, 1,
            4, 3, 2, 1, 0, 0, 4,
            2, 2, 0, 3, 3, 4, 1}, 4, 7);
        check("gather dim 1 with repeats", t -> t[0].gather(1, alongColumns), any(107, 4, 5));
        Tensor alongRows = Tensors.fromArray(new int[] {
            0, 1, 2, 3, 0,
            3, 3, 3, 3, 3,
            1, 0, 1, 0, 1}, 3, 5);
        check("gather dim 0 with repeats", t -> t[0].gather(0, alongRows), any(108, 4, 5));
        check("gather dim -1 of 3-D", t -> t[0].gather(-1, Tensors.fromArray(new int[] {1, 0, 1, 1, 0, 0}, 3, 1, 2)),
                any(109, 3, 1, 2));
    }

    @Test
    void indexSelectAddsTheGradientAtRepeatedIndices() {
        Tensor repeated = Tensors.fromArray(new int[] {2, 0, 2, 1, 2}, 5);
        check("indexSelect dim 0 with repeats", t -> t[0].indexSelect(0, repeated), any(110, 3, 4));
        check("indexSelect dim 1 with repeats", t -> t[0].indexSelect(1, repeated), any(111, 2, 3, 4));
        check("indexSelect dim -1 with repeats", t -> t[0].indexSelect(-1, repeated), any(112, 2, 3));
        check("indexSelect leaving rows out", t -> t[0].indexSelect(0, Tensors.fromArray(new int[] {4}, 1)),
                any(113, 6, 2));
    }
}
