package org.jgrad.optim;

import org.jgrad.Tensor;
import org.jgrad.backend.AdagradConfig;

/**
 * Adagrad, PyTorch's {@code torch.optim.Adagrad} (see {@link AdagradConfig}); defaults lr 1e-2,
 * no lr decay, eps 1e-10, accumulators starting at 0.
 */
public final class Adagrad extends Optimizer {

    public Adagrad(Iterable<Tensor> params, double lr) {
        super(Options.defaults("lr", lr, "lrDecay", 0, "weightDecay", 0, "eps", 1e-10), params);
        Options.positive(name(), "lr", lr);
    }

    public Adagrad lrDecay(double lrDecay) {
        return Options.setAll(this, "lrDecay", Options.nonNegative(name(), "lrDecay", lrDecay));
    }

    public Adagrad weightDecay(double weightDecay) {
        return Options.setAll(this, "weightDecay", Options.nonNegative(name(), "weightDecay", weightDecay));
    }

    public Adagrad eps(double eps) {
        return Options.setAll(this, "eps", Options.positive(name(), "eps", eps));
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        AdagradConfig config = new AdagradConfig((float) g.lr(), (float) g.get("lrDecay"), (float) g.get("weightDecay"),
                (float) g.get("eps"));
        p.backend().adagradStep(config, s.step() + 1, p.buffer(), p.grad().buffer(), s.buffer("sum", p).buffer());
    }
}
