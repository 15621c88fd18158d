/**
 * Checkpoint I/O: named tensors in the safetensors format ({@link org.jgrad.io.SafeTensors}) and
 * whole training state on top of it ({@link org.jgrad.io.Checkpoint}).
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>Format.</b> Files follow the reference writer byte for byte: entries sorted by dtype
 *       (I64, F64, F32, I32, BF16, F16) then by name (UTF-8 byte order), data packed in that order,
 *       compact JSON with {@code __metadata__} first (its keys sorted; left out when empty), spaces
 *       to a multiple of 8.
 *   <li><b>Types.</b> F32, F16, BF16 and F64 are read into FLOAT32 tensors, I32 and I64 into INT32
 *       (an I64 value outside INT32 is refused naming the tensor and element), as jgrad computes in
 *       FLOAT32 and INT32; {@link org.jgrad.io.StorageTypes} says what a write stores (F16 and BF16
 *       round to nearest even). A file with any other dtype (U8, F8_E4M3, ...) is refused naming
 *       the tensor and the dtype.
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
 *   <li><b>Checkpoint layout</b>, two files. The weights file holds the module's state dict alone
 *       under its PyTorch names, integers as I64 (BatchNorm's {@code num_batches_tracked}) and
 *       floats as F32 (or BF16/F16/F64 by {@code weightsAs}), with {@code format=pt} (Hugging
 *       Face's loaders want it): {@code model.load_state_dict(tensors, strict=True)} takes it as
 *       it is. The training-state file beside it ({@code NAME.training.safetensors}) holds the
 *       optimizer's buffers under {@code optimizer.state.I.NAME} with PyTorch's names
 *       ({@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq}, {@code momentum_buffer},
 *       {@code square_avg}, {@code grad_avg}, {@code sum}) and {@code step} as an F32 scalar (as
 *       PyTorch 1.13 keeps it), I numbering parameters across groups as PyTorch does; the rest is
 *       metadata strings: {@code jgrad.weights.sha256} (the weights file it belongs with),
 *       {@code jgrad.epoch}, {@code jgrad.step}, {@code jgrad.optimizer} (its name) with
 *       {@code jgrad.optimizer.group.G.OPTION}, {@code jgrad.schedule} (its class) with
 *       {@code jgrad.schedule.KEY}, and {@code jgrad.generator.seed} / {@code .offset}. Numbers
 *       are written with {@code Double.toString}, which parses back to the same double, so a
 *       resumed run is bit-identical. The weights are written first; a save interrupted between
 *       the two files leaves a training state whose SHA-256 no longer matches, which loading
 *       refuses.
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
