package org.jgrad.optim;

import static org.jgrad.internal.TensorAccess.buffer;
import static org.jgrad.optim.OptionRule.FLAG;
import static org.jgrad.optim.OptionRule.NON_NEGATIVE;

import org.jgrad.Tensor;
import org.jgrad.backend.SgdConfig;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, PyTorch's
 * {@code torch.optim.SGD} (see {@link SgdConfig} for the update).
 * {@code new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true)}.
 */
public final class SGD extends Optimizer {

    public SGD(Iterable<Tensor> params, double lr) {
        super(OptionTable.of("lr", lr, NON_NEGATIVE, "momentum", 0, NON_NEGATIVE, "dampening", 0, NON_NEGATIVE,
                "weightDecay", 0, NON_NEGATIVE, "nesterov", 0, FLAG), params);
    }

    /** Sets momentum in every group. Returns this. */
    public SGD momentum(double momentum) {
        setAll("momentum", momentum);
        return this;
    }

    public SGD dampening(double dampening) {
        setAll("dampening", dampening);
        return this;
    }

    public SGD weightDecay(double weightDecay) {
        setAll("weightDecay", weightDecay);
        return this;
    }

    /** Nesterov momentum; as in PyTorch it needs momentum > 0 and dampening 0 (checked at each step). */
    public SGD nesterov(boolean nesterov) {
        setAll("nesterov", nesterov ? 1 : 0);
        return this;
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        SgdConfig config = new SgdConfig((float) g.lr(), (float) g.get("momentum"), (float) g.get("dampening"),
                (float) g.get("weightDecay"), g.flag("nesterov"));
        Tensor momentum = config.momentum() == 0 ? null : s.buffer("momentum_buffer", p);
        p.backend().sgdStep(config, s.step() == 0, buffer(p), buffer(p.grad()),
                momentum == null ? null : buffer(momentum));
    }
}
