package org.jgrad.optim;

import org.jgrad.Tensor;
import org.jgrad.backend.AdamConfig;

/**
 * Adam with bias correction, L2 weight decay and optional AMSGrad, PyTorch's
 * {@code torch.optim.Adam} (see {@link AdamConfig}); defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8.
 * {@link AdamW} is the same update with decoupled weight decay.
 */
public class Adam extends Optimizer {
    private final boolean decoupled;

    public Adam(Iterable<Tensor> params, double lr) {
        this(params, lr, false, 0);
    }

    Adam(Iterable<Tensor> params, double lr, boolean decoupled, double weightDecay) {
        super(Options.defaults("lr", lr, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weightDecay", weightDecay,
                "amsgrad", 0), params);
        Options.positive(name(), "lr", lr);
        this.decoupled = decoupled;
    }

    public Adam betas(double beta1, double beta2) {
        Options.setAll(this, "beta1", Options.unitInterval(name(), "beta1", beta1));
        return Options.setAll(this, "beta2", Options.unitInterval(name(), "beta2", beta2));
    }

    public Adam eps(double eps) {
        return Options.setAll(this, "eps", Options.positive(name(), "eps", eps));
    }

    public Adam weightDecay(double weightDecay) {
        return Options.setAll(this, "weightDecay", Options.nonNegative(name(), "weightDecay", weightDecay));
    }

    public Adam amsgrad(boolean amsgrad) {
        return Options.setAll(this, "amsgrad", amsgrad ? 1 : 0);
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        AdamConfig config = new AdamConfig((float) g.lr(), (float) g.get("beta1"), (float) g.get("beta2"),
                (float) g.get("eps"), (float) g.get("weightDecay"), decoupled, g.flag("amsgrad"));
        Tensor maxExpAvgSq = config.amsgrad() ? s.buffer("max_exp_avg_sq", p) : null;
        p.backend().adamStep(config, s.step() + 1, p.buffer(), p.grad().buffer(), s.buffer("exp_avg", p).buffer(),
                s.buffer("exp_avg_sq", p).buffer(), maxExpAvgSq == null ? null : maxExpAvgSq.buffer());
    }
}
