package org.jgrad.optim;

import java.util.function.DoublePredicate;

/**
 * The values an optimizer option accepts. Every way an option is set (constructor, fluent setter,
 * {@link Optimizer#setLr}, a parameter-group override, {@link ParamGroup#set}, a loaded state) is
 * checked against its rule, so a NaN or negative learning rate never reaches the weights.
 */
public enum OptionRule {
    /** A finite value >= 0 (learning rates, momentum, weight decay). */
    NON_NEGATIVE("finite and >= 0", v -> v >= 0 && v < Double.POSITIVE_INFINITY),
    /** A finite value > 0 (epsilons). */
    POSITIVE("finite and > 0", v -> v > 0 && v < Double.POSITIVE_INFINITY),
    /** A value in [0, 1) (averaging coefficients such as Adam's betas). */
    UNIT_INTERVAL("in [0, 1)", v -> v >= 0 && v < 1),
    /** A boolean stored as 0 or 1. */
    FLAG("0 or 1 (false or true)", v -> v == 0 || v == 1);

    private final String requirement;
    private final DoublePredicate accepts;

    OptionRule(String requirement, DoublePredicate accepts) {
        this.requirement = requirement;
        this.accepts = accepts;
    }

    /** Returns {@code value}, or throws naming the optimizer, the option, the rule and the value. */
    public double check(String optimizer, String option, double value) {
        if (!accepts.test(value)) {
            throw new IllegalArgumentException(optimizer + ": " + option + " must be " + requirement + ", got " + value);
        }
        return value;
    }
}
