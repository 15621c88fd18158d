package org.jgrad.examples;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.nn.RecurrentOutput;
import org.jgrad.nn.RecurrentState;
import org.jgrad.nn.Sequential;

/**
 * {@code --model lstm}: embedding, a time-major LSTM and a linear read-out. The final state of one
 * chunk, detached, is the initial state of the next; it lives outside the training step's scope.
 */
final class CharLstm implements CharModel {
    private final Embedding embedding;
    private final LSTM lstm;
    private final Linear readout;
    private final Sequential module;
    private RecurrentState carried;

    CharLstm(int vocabulary, int embeddingSize, int hidden, int layers) {
        embedding = new Embedding(vocabulary, embeddingSize);
        lstm = new LSTM(RecurrentOptions.of(embeddingSize, hidden).numLayers(layers));
        readout = new Linear(hidden, vocabulary);
        module = new Sequential(embedding, lstm, readout);
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public Tensor logits(Tensor chars) {
        RecurrentOutput out = lstm.forward(embedding.forward(chars), carried);
        RecurrentState next = out.state().detach();
        reset();
        carried = new RecurrentState(Scope.untrack(next.h()), Scope.untrack(next.c()));
        return readout.forward(out.output());
    }

    @Override
    public void reset() {
        if (carried != null) {
            carried.h().close();
            carried.c().close();
            carried = null;
        }
    }

    @Override
    public void close() {
        reset();
        module.close();
    }
}
