/**
 * The differentiable ops: one package-private class per op, forward and backward side by side
 * ({@code Binary}, {@code Reshape}, {@code MatMul}, ...), and the composed ops built from them
 * ({@code Movement}, {@code Reductions}, {@code Convolution}, ...). Users reach them through one
 * way only, {@link org.jgrad.Tensor}'s methods, which are declared here by concept
 * ({@link org.jgrad.ops.TensorArithmetic}, {@link org.jgrad.ops.TensorActivations},
 * {@link org.jgrad.ops.TensorReductions}, {@link org.jgrad.ops.TensorProducts},
 * {@link org.jgrad.ops.TensorShapes}: the chain of abstract classes Tensor extends, since Java has
 * no partial classes), and {@link org.jgrad.Tensors}' {@code cat} and {@code stack}. Also public
 * here: what has no Tensor method ({@link org.jgrad.ops.Attention} and
 * {@link org.jgrad.ops.AttentionMask}, as PyTorch's {@code F.scaled_dot_product_attention}) and
 * what the layers in {@code org.jgrad.nn} call.
 */
package org.jgrad.ops;
