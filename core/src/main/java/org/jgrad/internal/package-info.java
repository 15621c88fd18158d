/**
 * Not user API: what jgrad's own packages (ops, optimizers, layers) and authors of new ops need
 * beyond {@link org.jgrad.Tensor}'s methods, chiefly a tensor's backend buffer
 * ({@link org.jgrad.internal.TensorAccess}). It may change without notice; users build and read
 * tensors with {@link org.jgrad.Tensors} and {@link org.jgrad.Tensor}.
 */
package org.jgrad.internal;
