package org.jgrad.examples;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;

/**
 * A character-level language model of {@link CharLmExample}: next-character logits for a chunk of
 * text, continuing from whatever it has read since {@link #reset} (a recurrent model carries its
 * state; the chunk's own history is cut from the graph, as truncated backpropagation through time).
 */
interface CharModel extends AutoCloseable {

    /** The trainable module (parameters, train/eval mode). */
    Module module();

    /** Logits (steps, batch, vocabulary) for INT32 character ids (steps, batch). */
    Tensor logits(Tensor chars);

    /** Forgets what was read: the next chunk starts fresh. */
    void reset();

    @Override
    void close();
}
