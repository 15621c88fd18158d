package org.jgrad.examples;

import java.util.function.Supplier;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.RecurrentLayer;
import org.jgrad.nn.RecurrentOutput;
import org.jgrad.nn.RecurrentState;
import org.jgrad.nn.Sequential;

/**
 * {@code --model lstm} or {@code gru}: embedding, a time-major LSTM or GRU, dropout on its output
 * (training only) and a linear read-out. The final state of one
 * chunk, detached, is the initial state of the next; it lives outside the training step's scope.
 */
final class CharRecurrent implements CharModel {
    private final Embedding embedding;
    private final RecurrentLayer recurrent;
    private final Dropout dropout;
    private final Linear readout;
    private final Sequential module;
    private RecurrentState carried;

    /**
     * {@code recurrent} makes the layer, reading {@code embeddingSize} inputs with hidden size
     * {@code hidden}; it runs after the embedding is made, so the weights are drawn in the order
     * embedding, recurrent layer, read-out (the order of the runs in docs/RECURRENT.md).
     */
    CharRecurrent(int vocabulary, int embeddingSize, Supplier<RecurrentLayer> recurrent, int hidden, double dropoutRate) {
        embedding = new Embedding(vocabulary, embeddingSize);
        this.recurrent = recurrent.get();
        dropout = new Dropout(dropoutRate);
        readout = new Linear(hidden, vocabulary);
        module = new Sequential(embedding, this.recurrent, dropout, readout);
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public Tensor logits(Tensor chars) {
        RecurrentOutput out = recurrent.forward(embedding.forward(chars), carried);
        RecurrentState next = out.state().detach();
        reset();
        carried = new RecurrentState(Scope.untrack(next.h()), next.c() == null ? null : Scope.untrack(next.c()));
        return readout.forward(dropout.forward(out.output()));
    }

    @Override
    public void reset() {
        if (carried != null) {
            carried.h().close();
            if (carried.c() != null) {
                carried.c().close();
            }
            carried = null;
        }
    }

    @Override
    public void close() {
        reset();
        module.close();
    }
}
