/**
 * The CUDA backend: the CUDA driver API through JCuda, GEMM through JCublas2, and jgrad's own
 * kernels (jgrad-kernels, {@code cuda/*.ptx}). Unverified on a GPU so far; docs/GPU.md lists the
 * commands that verify it.
 *
 * <p>Choices, where the issue was silent:
 * <ul>
 *   <li>One device (ordinal 0), its primary context (shared with the CUDA runtime, so cuBLAS sees
 *       it), one non-blocking stream. Only downloads wait; uploads return once the driver has
 *       staged the data.</li>
 *   <li>gather and scatter-add check their indices on the GPU and read the first bad position
 *       back before launching, because the SPI throws on a bad index before writing: one
 *       synchronisation per call, which {@code -Djgrad.cuda.checkIndices=false} removes.</li>
 *   <li>scatter-add sums repeated indices with atomicAdd, so their rounding may vary from run to
 *       run, as PyTorch's index_add_ on CUDA does; col2im gathers and is deterministic.</li>
 *   <li>Sums reduce in double; transcendentals (exp, log, tanh, sigmoid, pow) are computed in
 *       double and rounded once, as the CPU backend does, so the two agree closely. Every file
 *       but gemm.cu is compiled without FMA contraction, so the optimizer updates round as the
 *       CPU's do.</li>
 *   <li>TF32 is off unless asked for ({@code -Djgrad.cuda.tf32=true}), PyTorch's default for matmul.</li>
 *   <li>Strided kernels take at most 8 dimensions after merging the ones that are contiguous for
 *       every operand; more fails with a message.</li>
 *   <li>Not done yet: one launch for all parameters of a step (multi-tensor apply; the SPI updates
 *       one parameter a call) and a fused softmax-cross-entropy kernel (the SPI has no such
 *       primitive; the loss runs through the elementwise and reduction kernels).</li>
 * </ul>
 */
package org.jgrad.cuda;
