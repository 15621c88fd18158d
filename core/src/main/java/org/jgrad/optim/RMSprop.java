package org.jgrad.optim;

import org.jgrad.Tensor;
import org.jgrad.backend.RmspropConfig;

/**
 * RMSprop, PyTorch's {@code torch.optim.RMSprop} (see {@link RmspropConfig}); defaults lr 1e-2,
 * alpha 0.99, eps 1e-8, no momentum, not centered.
 */
public final class RMSprop extends Optimizer {

    public RMSprop(Iterable<Tensor> params, double lr) {
        super(Options.defaults("lr", lr, "alpha", 0.99, "eps", 1e-8, "weightDecay", 0, "momentum", 0, "centered", 0),
                params);
        Options.positive(name(), "lr", lr);
    }

    public RMSprop alpha(double alpha) {
        return Options.setAll(this, "alpha", Options.unitInterval(name(), "alpha", alpha));
    }

    public RMSprop eps(double eps) {
        return Options.setAll(this, "eps", Options.positive(name(), "eps", eps));
    }

    public RMSprop weightDecay(double weightDecay) {
        return Options.setAll(this, "weightDecay", Options.nonNegative(name(), "weightDecay", weightDecay));
    }

    public RMSprop momentum(double momentum) {
        return Options.setAll(this, "momentum", Options.nonNegative(name(), "momentum", momentum));
    }

    public RMSprop centered(boolean centered) {
        return Options.setAll(this, "centered", centered ? 1 : 0);
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        RmspropConfig config = new RmspropConfig((float) g.lr(), (float) g.get("alpha"), (float) g.get("eps"),
                (float) g.get("weightDecay"), (float) g.get("momentum"), g.flag("centered"));
        Tensor momentum = config.momentum() > 0 ? s.buffer("momentum_buffer", p) : null;
        Tensor gradAvg = config.centered() ? s.buffer("grad_avg", p) : null;
        p.backend().rmspropStep(config, p.buffer(), p.grad().buffer(), s.buffer("square_avg", p).buffer(),
                momentum == null ? null : momentum.buffer(), gradAvg == null ? null : gradAvg.buffer());
    }
}
