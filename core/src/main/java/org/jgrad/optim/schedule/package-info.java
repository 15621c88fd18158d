/**
 * Learning-rate schedules: pure functions of the step count (or, for reduce-on-plateau, of a
 * metric history) that tell an optimizer which learning rate to use. No tensors, no optimizer
 * classes: an optimizer or training loop drives any {@link org.jgrad.optim.schedule.LrSchedule}
 * by reading {@code lr()} before an update and calling {@code step()} (or {@code step(metric)})
 * after it, once per batch or once per epoch, whichever the schedule's lengths were counted in.
 * Start from {@link org.jgrad.optim.schedule.Schedules}.
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>Names and formulas</b> follow PyTorch ({@code StepLR} is {@code StepLr}, ...), and Keras
 *       where PyTorch has none (inverse-time decay with {@code decaySteps} and {@code staircase};
 *       polynomial decay to an end rate). Each class's Javadoc gives its formula.
 *   <li><b>Step numbering</b>: a fresh schedule is at step 0 and {@code lr()} is the rate for the
 *       step numbered {@code stepCount()}; PyTorch's {@code last_epoch} after the same number of
 *       {@code step()} calls. Schedules answer from a closed form (never by chaining
 *       multiplications), so the rate at step t does not drift with t and a restored state gives
 *       the same numbers bit for bit.
 *   <li><b>One rate per schedule.</b> An optimizer with several parameter groups gives each group
 *       its own schedule.
 *   <li><b>Metrics</b>: {@code step(metric)} is accepted by every schedule so a training loop can
 *       always pass its validation metric; only schedules whose {@code needsMetric()} is true
 *       (reduce-on-plateau, or a warm-up around it) read it. Reduce-on-plateau refuses a plain
 *       {@code step()}, since losing the metric silently would freeze its rate.
 *   <li><b>Warm-up</b> ({@code withWarmup(W, startFactor)}) composes with every schedule: for W
 *       steps the rate rises linearly from {@code startFactor · lr0} to {@code lr0}, where
 *       {@code lr0} is the wrapped schedule's rate at its step 0; then the wrapped schedule runs
 *       with its own step count starting from 0 (it is not fast-forwarded by W), as PyTorch's
 *       {@code SequentialLR} and Hugging Face's warm-up schedules do. {@code withWarmup(W)} starts
 *       from 0, as Hugging Face does.
 *   <li><b>Cosine annealing</b> keeps PyTorch's closed form past {@code tMax} (the rate rises
 *       again); restarts are {@link org.jgrad.optim.schedule.CosineAnnealingWarmRestarts}.
 *   <li><b>One-cycle</b> may be stepped to {@code totalSteps} (where its rate holds at the final
 *       value) but not past it, as in PyTorch; it schedules the rate only, not momentum. It
 *       rejects a {@code pctStart} that leaves a phase with no length (PyTorch divides by zero).
 *   <li><b>State</b> is a {@code Map<String, Double>} ({@code "step"} plus any counters; a
 *       warm-up nests its inner schedule's entries under {@code "after."}), easy to write next to
 *       a checkpoint. Loading needs a schedule built with the same arguments: the arguments and a
 *       {@code LambdaLr}'s function are code, not state.
 *   <li><b>Arguments</b> are checked when a schedule (or a builder setting) is made; messages
 *       name the schedule, the argument, the value and what was expected.
 * </ul>
 */
package org.jgrad.optim.schedule;
