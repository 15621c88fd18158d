package org.jgrad.loss;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * INT32 class labels of shape (N, d1...) for scores of shape (N, C, d1...), as NLLLoss and
 * CrossEntropyLoss take them: checked against the scores, with the ignore mask and the weight
 * of each target computed once on the backend (no values are read back to the host).
 */
final class ClassLabels {
    /** The labels with ignored ones replaced by class 0, shaped (N, 1, d1...) for gather along dim 1. */
    private final Tensor safe;
    /** 1 where a label counts, 0 where it equals ignoreIndex; shape (N, d1...). */
    final Tensor kept;
    /** weight[label] (or 1) where a label counts, 0 where ignored; shape (N, d1...). */
    final Tensor targetWeight;

    private ClassLabels(Tensor safe, Tensor kept, Tensor targetWeight) {
        this.safe = safe;
        this.kept = kept;
        this.targetWeight = targetWeight;
    }

    static ClassLabels of(String loss, Tensor scores, Tensor target, Tensor weight, int ignoreIndex) {
        requireFits(loss, scores, target);
        if (weight != null) {
            requireClassWeight(loss, weight, scores);
        }
        Tensor labels = target.toType(DType.FLOAT32);
        Tensor kept = labels.ne(Tensors.scalarLike(labels, ignoreIndex));
        requireInRange(loss, labels, kept, target, scores.size(1), ignoreIndex);
        Tensor safe = labels.where(kept, Tensors.scalarLike(labels, 0f)).toType(DType.INT32);
        Tensor targetWeight = weight == null ? kept
                : weight.indexSelect(0, safe.flatten()).reshape(target.shape()).mul(kept);
        return new ClassLabels(safe.unsqueeze(1), kept, targetWeight);
    }

    /**
     * Fails, naming the loss, the first bad label, its position and the number of classes, when
     * a counted label is outside [0, classes). One scalar is read back; the labels only on failure.
     */
    private static void requireInRange(String loss, Tensor labels, Tensor kept, Tensor target, int classes,
            int ignoreIndex) {
        Tensor outside = labels.lt(0f).add(labels.ge((float) classes)).mul(kept);
        if (outside.sum().item() == 0) {
            return;
        }
        int[] values = target.toIntArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != ignoreIndex && (values[i] < 0 || values[i] >= classes)) {
                throw new IllegalArgumentException(loss + ": target label " + values[i] + " at position "
                        + Shape.toString(Shape.unravel(i, target.shape())) + " is out of range for " + classes
                        + " classes (expected 0 to " + (classes - 1) + ", or the ignore index " + ignoreIndex + ")");
            }
        }
    }

    /** -scores[n, label[n, ...], ...] for every sample (unweighted, ignored ones included). */
    Tensor negativePicked(Tensor scores) {
        return scores.gather(1, safe).squeeze(1).neg();
    }

    /**
     * Reduces per-target losses; MEAN divides by the sum of the target weights, as PyTorch. When
     * every target is ignored that is 0/0: the value is NaN but the gradients are zero, as PyTorch's.
     */
    Tensor reduce(Reduction reduction, Tensor losses) {
        if (reduction != Reduction.MEAN) {
            return reduction.reduce(losses);
        }
        Tensor total = targetWeight.sum();
        Tensor nothingCounted = total.eq(0f);
        Tensor nanWhenNothingCounted = nothingCounted.mul(0f).div(total.detach());
        return losses.sum().div(total.add(nothingCounted)).add(nanWhenNothingCounted);
    }

    /** Whether the input is one unbatched sample, as PyTorch accepts: scores (C) with a 0-d label or (C) probabilities. */
    static boolean isUnbatched(Tensor scores, Tensor target) {
        return scores.dim() == 1 && (target.dim() == 0 || target.dtype() == DType.FLOAT32 && target.dim() == 1);
    }

    /** The loss of one unbatched sample: the batch of one, its NONE result viewed without the batch dimension. */
    static Tensor unbatched(Reduction reduction, Tensor scores, Tensor target, BinaryOperator<Tensor> loss) {
        Tensor batched = loss.apply(scores.unsqueeze(0), target.unsqueeze(0));
        return reduction == Reduction.NONE ? batched.squeeze(0) : batched;
    }

    /** Scores (N, C, d1...) FLOAT32 and labels INT32 of shape (N, d1...). */
    static void requireFits(String loss, Tensor scores, Tensor target) {
        LossChecks.requireDType(loss, "input", scores, DType.FLOAT32);
        if (scores.dim() < 2) {
            throw new IllegalArgumentException(loss + ": input must be (N, C) or (N, C, d1...), got shape "
                    + Shape.toString(scores.shape()));
        }
        int[] expected = withoutClassDim(scores.shape());
        if (target.dtype() != DType.INT32 || !Arrays.equals(target.shape(), expected)) {
            throw LossChecks.mismatch(loss, scores, target, "INT32 class labels of shape " + Shape.toString(expected));
        }
    }

    /** A FLOAT32 weight per class, shape (C). */
    static void requireClassWeight(String loss, Tensor weight, Tensor scores) {
        LossChecks.requireDType(loss, "weight", weight, DType.FLOAT32);
        if (weight.dim() != 1 || weight.size(0) != scores.size(1)) {
            throw new IllegalArgumentException(loss + ": weight of shape " + Shape.toString(weight.shape())
                    + " must have one entry per class, shape [" + scores.size(1) + "], for input of shape "
                    + Shape.toString(scores.shape()));
        }
    }

    /** weight (C) viewed as (1, C, 1...) to broadcast against scores of the given rank. */
    static Tensor alongClassDim(Tensor weight, int rank) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[1] = weight.size(0);
        return weight.reshape(shape);
    }

    private static int[] withoutClassDim(int[] shape) {
        int[] out = new int[shape.length - 1];
        out[0] = shape[0];
        System.arraycopy(shape, 2, out, 1, shape.length - 2);
        return out;
    }
}
