package org.jgrad.optim;

import static org.jgrad.internal.TensorAccess.buffer;
import static org.jgrad.optim.OptionRule.FLAG;
import static org.jgrad.optim.OptionRule.NON_NEGATIVE;
import static org.jgrad.optim.OptionRule.POSITIVE;
import static org.jgrad.optim.OptionRule.UNIT_INTERVAL;

import org.jgrad.Tensor;
import org.jgrad.backend.RmspropConfig;

/**
 * RMSprop, PyTorch's {@code torch.optim.RMSprop} (see {@link RmspropConfig}); defaults lr 1e-2,
 * alpha 0.99, eps 1e-8, no momentum, not centered.
 */
public final class RMSprop extends Optimizer {

    public RMSprop(Iterable<Tensor> params, double lr) {
        super(OptionTable.of("lr", lr, NON_NEGATIVE, "alpha", 0.99, UNIT_INTERVAL, "eps", 1e-8, POSITIVE,
                "weightDecay", 0, NON_NEGATIVE, "momentum", 0, NON_NEGATIVE, "centered", 0, FLAG), params);
    }

    public RMSprop alpha(double alpha) {
        setAll("alpha", alpha);
        return this;
    }

    public RMSprop eps(double eps) {
        setAll("eps", eps);
        return this;
    }

    public RMSprop weightDecay(double weightDecay) {
        setAll("weightDecay", weightDecay);
        return this;
    }

    public RMSprop momentum(double momentum) {
        setAll("momentum", momentum);
        return this;
    }

    public RMSprop centered(boolean centered) {
        setAll("centered", centered ? 1 : 0);
        return this;
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        RmspropConfig config = new RmspropConfig((float) g.lr(), (float) g.get("alpha"), (float) g.get("eps"),
                (float) g.get("weightDecay"), (float) g.get("momentum"), g.flag("centered"));
        Tensor momentum = config.momentum() > 0 ? s.buffer("momentum_buffer", p) : null;
        Tensor gradAvg = config.centered() ? s.buffer("grad_avg", p) : null;
        p.backend().rmspropStep(config, buffer(p), buffer(p.grad()), buffer(s.buffer("square_avg", p)),
                momentum == null ? null : buffer(momentum), gradAvg == null ? null : buffer(gradAvg));
    }
}
