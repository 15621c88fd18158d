/**
 * Weight initializers with PyTorch's {@code torch.nn.init} formulas (uniform, normal, constant,
 * Xavier/Glorot and Kaiming/He with fan-in or fan-out and the gains of
 * {@link org.jgrad.nn.init.Nonlinearity}), plus PyTorch's default for Linear and Conv2d.
 *
 * <p>Choices: initializers overwrite the given tensor in place and return it (PyTorch's trailing
 * underscore is dropped from the names); random ones draw from a {@link org.jgrad.Generator},
 * {@link org.jgrad.Generator#global()} unless one is passed, through the backend's counter-based
 * random fill, so the same seed gives the same weights on every backend.
 */
package org.jgrad.nn.init;
