package org.jgrad.train;

/** Whether a monitored quantity improves by going down (a loss) or up (an accuracy). */
public enum MonitorMode {
    /** Lower is better: losses, errors. */
    MIN,
    /** Higher is better: accuracy, F1, R². */
    MAX
}
