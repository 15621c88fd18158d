/**
 * Layers and models, written once against the public {@link org.jgrad.Tensor} API so they run
 * unchanged on every backend; names and semantics follow PyTorch's {@code torch.nn}.
 *
 * <p>Choices made here:
 * <ul>
 *   <li>{@link org.jgrad.nn.Module#forward} is the method a layer implements and the one callers
 *       use (Java has no {@code __call__}); composite modules call children through
 *       {@code invoke(child, x)}, which is plain {@code forward} except while
 *       {@link org.jgrad.nn.Module#summary} records the calls.</li>
 *   <li>Layers look their parameters up by name at each forward, so a state dict entry, a
 *       {@link org.jgrad.nn.Module#functionalCall} replacement or a re-registered tensor is what
 *       the next forward uses. State-dict keys are PyTorch's ({@code weight}, {@code bias},
 *       {@code running_mean}, {@code running_var}; ResidualBlock uses torchvision's
 *       {@code conv1 / bn1 / conv2 / bn2 / downsample.0 / downsample.1}).</li>
 *   <li>Parameters and buffers are long-lived: they are written in place
 *       ({@link org.jgrad.nn.InPlace}) when a state dict is loaded, an initializer runs or
 *       BatchNorm updates its running statistics, so optimizers keep valid references and nothing
 *       made inside a training step's {@link org.jgrad.Scope} replaces them. Build modules outside
 *       such scopes; {@link org.jgrad.nn.Module#close} frees them.</li>
 *   <li>{@link org.jgrad.nn.Module#stateDict} returns the module's own tensors, not copies.</li>
 *   <li>Weights are initialised as PyTorch does, from {@link org.jgrad.Generator#global()}:
 *       call {@code Generator.manualSeed} first for reproducible models (the same on every
 *       backend); see {@link org.jgrad.nn.init.Init} to re-initialise.</li>
 *   <li>BatchNorm keeps no {@code num_batches_tracked} (momentum is always set);
 *       {@link org.jgrad.nn.GlobalAvgPool2d} returns (N, C) as Keras does, (N, C, 1, 1) on request.</li>
 *   <li>{@link org.jgrad.nn.Module#summary} runs in eval mode under NoGrad inside its own scope and
 *       restores each module's mode: it never changes running statistics.</li>
 * </ul>
 */
package org.jgrad.nn;
