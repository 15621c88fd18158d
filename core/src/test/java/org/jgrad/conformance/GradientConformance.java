package org.jgrad.conformance;

/**
 * Base of the gradient suites: every differentiable op of the public Tensor API is checked
 * against central finite differences by {@link GradCheck}, split by area into
 * {@link ElementwiseGradientConformance}, {@link ReductionGradientConformance},
 * {@link LinearAlgebraGradientConformance} and {@link MovementGradientConformance}.
 */
public abstract class GradientConformance extends TensorConformance {

    /** Checks autograd's gradient of {@code op} with respect to every input against finite differences. */
    protected void check(String name, GradCheck.Op op, GradInput... inputs) {
        GradCheck.of(name, op).inputs(inputs).run(backend());
    }
}
