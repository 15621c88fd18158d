package org.jgrad.optim;

import org.jgrad.Tensor;
import org.jgrad.backend.SgdConfig;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, PyTorch's
 * {@code torch.optim.SGD} (see {@link SgdConfig} for the update).
 * {@code new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true)}.
 */
public final class SGD extends Optimizer {

    public SGD(Iterable<Tensor> params, double lr) {
        super(Options.defaults("lr", lr, "momentum", 0, "dampening", 0, "weightDecay", 0, "nesterov", 0), params);
        Options.positive("SGD", "lr", lr);
    }

    /** Sets momentum in every group. Returns this. */
    public SGD momentum(double momentum) {
        return Options.setAll(this, "momentum", Options.nonNegative("SGD", "momentum", momentum));
    }

    public SGD dampening(double dampening) {
        return Options.setAll(this, "dampening", dampening);
    }

    public SGD weightDecay(double weightDecay) {
        return Options.setAll(this, "weightDecay", Options.nonNegative("SGD", "weightDecay", weightDecay));
    }

    public SGD nesterov(boolean nesterov) {
        return Options.setAll(this, "nesterov", nesterov ? 1 : 0);
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        SgdConfig config = new SgdConfig((float) g.lr(), (float) g.get("momentum"), (float) g.get("dampening"),
                (float) g.get("weightDecay"), g.flag("nesterov"));
        Tensor momentum = config.momentum() == 0 ? null : s.buffer("momentum_buffer", p);
        p.backend().sgdStep(config, s.step() == 0, p.buffer(), p.grad().buffer(),
                momentum == null ? null : momentum.buffer());
    }
}
