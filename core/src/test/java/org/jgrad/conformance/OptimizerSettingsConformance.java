package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.optim.Adagrad;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSprop;
import org.jgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/** Every way of setting an optimizer option is checked, and a parameter is updated once per step. */
public class OptimizerSettingsConformance extends TensorConformanceSupport {

    @Test
    void settersRefuseWhatWouldPoisonOrReverseTheUpdate() {
        Tensor p = leaf(randomFloats(7, 1));
        SGD sgd = new SGD(List.of(p), 0.1);
        for (double bad : new double[] {Double.NaN, -0.5, Double.POSITIVE_INFINITY}) {
            assertRejected(IllegalArgumentException.class, () -> sgd.setLr(bad), "SGD", "lr", String.valueOf(bad));
        }
        assertRejected(IllegalArgumentException.class, () -> sgd.dampening(Double.NaN), "dampening", "NaN");
        assertRejected(IllegalArgumentException.class, () -> sgd.momentum(-0.1), "momentum", "-0.1");
        assertRejected(IllegalArgumentException.class, () -> sgd.weightDecay(Double.NaN), "weightDecay");
        assertRejected(IllegalArgumentException.class, () -> sgd.paramGroups().get(0).set("lr", Double.NaN), "lr");
        assertRejected(IllegalArgumentException.class, () -> sgd.paramGroups().get(0).set("beta1", 0.9), "beta1",
                "[lr, momentum, dampening, weightDecay, nesterov]");
        assertRejected(IllegalArgumentException.class, () -> new SGD(List.of(p), -1), "lr", "-1.0");
        assertEquals(0.1, sgd.lr(), 0, "a refused value leaves the option as it was");
        sgd.setLr(0);
        assertEquals(0, sgd.lr(), 0, "lr 0 is allowed, as PyTorch (schedules end there)");

        Adam adam = new Adam(List.of(leaf(randomFloats(3, 2))), 0.01);
        assertRejected(IllegalArgumentException.class, () -> adam.betas(0.9, 1.0), "Adam", "beta2", "[0, 1)");
        assertEquals(0.9, adam.paramGroups().get(0).get("beta1"), 0, "betas are set together or not at all");
        assertRejected(IllegalArgumentException.class, () -> adam.eps(0), "eps", "> 0");
        assertRejected(IllegalArgumentException.class, () -> new RMSprop(List.of(p), 0.01).alpha(Double.NaN), "alpha");
        assertRejected(IllegalArgumentException.class, () -> new Adagrad(List.of(p), 0.01).lrDecay(-1), "lrDecay");
    }

    @Test
    void groupOverridesAreCheckedAndARefusedGroupIsNotAdded() {
        Tensor a = leaf(randomFloats(7, 3));
        Tensor b = leaf(randomFloats(7, 4));
        SGD sgd = new SGD(List.of(a), 0.1);
        assertRejected(IllegalArgumentException.class, () -> sgd.addParamGroup(List.of(b), Map.of("lr", -1.0)),
                "lr", "-1.0");
        assertRejected(IllegalArgumentException.class, () -> sgd.addParamGroup(List.of(b), Map.of("nesterov", 0.5)),
                "nesterov", "0 or 1");
        assertEquals(1, sgd.paramGroups().size(), "refused groups are not added");
        sgd.addParamGroup(List.of(b), Map.of("lr", 0.2));
        assertEquals(2, sgd.paramGroups().size());
    }

    @Test
    void aParameterListedTwiceIsRefusedWithinAndAcrossGroups() {
        Tensor a = leaf(randomFloats(7, 5));
        Tensor b = leaf(randomFloats(7, 6));
        assertRejected(IllegalArgumentException.class, () -> new SGD(List.of(a, b, a), 0.1), "parameter 2",
                "this group", "twice");
        SGD sgd = new SGD(List.of(a), 0.1);
        assertRejected(IllegalArgumentException.class, () -> sgd.addParamGroup(List.of(b, a), Map.of()), "parameter 1",
                "group 0");
    }

    @Test
    void nesterovWithoutMomentumFailsAtTheStepAsInPyTorch() {
        Tensor p = leaf(randomFloats(7, 7));
        float[] before = p.toFloatArray();
        SGD sgd = new SGD(List.of(p), 0.1).nesterov(true);
        step(sgd, p);
        assertArrayEquals(before, p.toFloatArray(), 0, "the refused step changed nothing");
    }

    private void step(Optimizer optimizer, Tensor p) {
        try (Scope ignored = Scope.open()) {
            p.mul(p).sum().backward();
            assertRejected(IllegalArgumentException.class, optimizer::step, "Nesterov", "momentum=0.0");
        }
    }

    private static Tensor leaf(float[] values) {
        return Tensors.fromArray(values, values.length).requiresGrad(true);
    }
}
