/**
 * Checkpoint I/O: named tensors in the safetensors format ({@link org.jgrad.io.SafeTensors}) and
 * whole training state on top of it ({@link org.jgrad.io.Checkpoint}).
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>Format.</b> Files follow the reference writer byte for byte: entries sorted by dtype
 *       (F32 before I32) then by name (UTF-8 byte order), data packed in that order, compact JSON
 *       with {@code __metadata__} first (its keys sorted; left out when empty), spaces to a
 *       multiple of 8. jgrad reads and writes F32 and I32 only; a file with any other dtype (F16,
 *       I64, ...) is refused naming the tensor and the dtype.
 *   <li><b>No JSON library.</b> A strict reader for the header's subset (objects, arrays of
 *       integers, strings with all escapes, integers) refuses anything else: floats, literals,
 *       trailing commas, duplicate keys at any level, unknown keys in an entry, invalid UTF-8, lone
 *       surrogates. Whitespace between tokens is allowed, as other writers produce it.
 *   <li><b>Reading validates first.</b> Header length at most 100 MB and within the file; then the
 *       whole header; then the layout: every range inside the data buffer and sized to its shape
 *       and dtype, ranges contiguous from 0 with no gap or overlap, ending exactly at the end of the
 *       file. Only then are tensors allocated, so no allocation exceeds what the file holds; a
 *       failure after that closes the tensors already made. Format errors are
 *       {@link org.jgrad.io.SafeTensorsFormatException}s (an {@code IOException}) naming the file,
 *       the byte offset or tensor, and what was expected.
 *   <li><b>Writes are atomic</b>: a temporary {@code .NAME.RANDOM.tmp} in the target's directory,
 *       {@code force(true)}, then an atomic rename over the target and a flush of the directory
 *       (where the platform allows). Any failure deletes the temporary file and leaves the old
 *       target untouched. The temporary file is created with the default permissions, so the
 *       result has the permissions a plain write would give it.
 *   <li><b>Checkpoint layout</b>, one file: the module's state dict under its PyTorch names, so
 *       {@code safetensors.torch.load_file} then {@code model.load_state_dict} read the weights;
 *       optimizer buffers under {@code optimizer.state.I.NAME} (I numbers parameters across groups,
 *       as PyTorch does). Everything else is metadata strings: {@code format=pt} (Hugging Face's
 *       loaders want it), {@code jgrad.epoch}, {@code jgrad.step}, {@code jgrad.optimizer} (its
 *       name) with {@code jgrad.optimizer.group.G.OPTION} and {@code jgrad.optimizer.state.I.step},
 *       {@code jgrad.schedule} (its class) with {@code jgrad.schedule.KEY}, and
 *       {@code jgrad.generator.seed} / {@code .offset}. Numbers are written with
 *       {@code Double.toString}, which parses back to the same double, so a resumed run is
 *       bit-identical.
 *   <li><b>Loading a checkpoint changes nothing unless everything fits.</b> The optimizer state is
 *       checked entry by entry against the optimizer (type, groups, options, parameter indices,
 *       buffer shapes) before anything is loaded; the schedule is loaded first and put back if the
 *       module's {@code loadStateDict} (which checks every key, shape and dtype before copying)
 *       refuses the weights; then the optimizer and the generator are set. Mismatches are
 *       {@code IllegalArgumentException}s naming the file.
 *   <li><b>Random state.</b> {@link org.jgrad.io.Checkpoint#withGlobalGenerator()} saves the global
 *       generator's seed and position and restores them on load (needed for dropout to draw the
 *       same masks after resuming); generators a program creates itself are its own to recreate.
 * </ul>
 */
package org.jgrad.io;
