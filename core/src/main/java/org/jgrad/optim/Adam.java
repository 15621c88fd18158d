package org.jgrad.optim;

import static org.jgrad.internal.TensorAccess.buffer;
import static org.jgrad.optim.OptionRule.FLAG;
import static org.jgrad.optim.OptionRule.NON_NEGATIVE;
import static org.jgrad.optim.OptionRule.POSITIVE;
import static org.jgrad.optim.OptionRule.UNIT_INTERVAL;

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
        super(OptionTable.of("lr", lr, NON_NEGATIVE, "beta1", 0.9, UNIT_INTERVAL, "beta2", 0.999, UNIT_INTERVAL,
                "eps", 1e-8, POSITIVE, "weightDecay", weightDecay, NON_NEGATIVE, "amsgrad", 0, FLAG), params);
        this.decoupled = decoupled;
    }

    public Adam betas(double beta1, double beta2) {
        paramGroups().get(0).check("beta2", beta2);
        setAll("beta1", beta1);
        setAll("beta2", beta2);
        return this;
    }

    public Adam eps(double eps) {
        setAll("eps", eps);
        return this;
    }

    public Adam weightDecay(double weightDecay) {
        setAll("weightDecay", weightDecay);
        return this;
    }

    public Adam amsgrad(boolean amsgrad) {
        setAll("amsgrad", amsgrad ? 1 : 0);
        return this;
    }

    @Override
    protected void update(ParamGroup g, Tensor p, ParamState s) {
        AdamConfig config = new AdamConfig((float) g.lr(), (float) g.get("beta1"), (float) g.get("beta2"),
                (float) g.get("eps"), (float) g.get("weightDecay"), decoupled, g.flag("amsgrad"));
        Tensor maxExpAvgSq = config.amsgrad() ? s.buffer("max_exp_avg_sq", p) : null;
        p.backend().adamStep(config, s.step() + 1, buffer(p), buffer(p.grad()), buffer(s.buffer("exp_avg", p)),
                buffer(s.buffer("exp_avg_sq", p)), maxExpAvgSq == null ? null : buffer(maxExpAvgSq));
    }
}
