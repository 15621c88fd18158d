package org.jgrad.optim;

import static org.jgrad.internal.TensorAccess.buffer;
import static org.jgrad.optim.OptionRule.NON_NEGATIVE;
import static org.jgrad.optim.OptionRule.POSITIVE;

import org.jgrad.Tensor;
import org.jgrad.backend.AdagradConfig;

/**
 * Adagrad, PyTorch's {@code torch.optim.Adagrad} (see {@link AdagradConfig}); defaults lr 1e-2,
 * no lr decay, eps 1e-10, accumulators starting at 0.
 */
public final class Adagrad extends Optimizer {

    public Adagrad(Iterable<Tensor> params, double lr) {
        super(OptionTable.of("lr", lr, NON_NEGATIVE, "lrDecay", 0, NON_NEGATIVE, "weightDecay", 0, NON_NEGATIVE,
                "eps", 1e-10, POSITIVE), params);
    }

    public Adagrad lrDecay(double lrDecay) {
        setAll("lrDecay", lrDecay);
        return this;
    }

    public Adagrad weightDecay(double weightDecay) {
        setAll("weightDecay", weightDecay);
        return this;
    }

    public Adagrad eps(double eps) {
        setAll("eps", eps);
        return this;
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        AdagradConfig config = new AdagradConfig((float) g.lr(), (float) g.get("lrDecay"), (float) g.get("weightDecay"),
                (float) g.get("eps"));
        p.backend().adagradStep(config, s.step() + 1, buffer(p), buffer(p.grad()), buffer(s.buffer("sum", p)));
    }
}
