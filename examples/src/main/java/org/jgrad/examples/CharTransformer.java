package org.jgrad.examples;

import java.util.Arrays;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.LayerNorm;
import org.jgrad.nn.LearnedPositionalEmbedding;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.SinusoidalPositionalEncoding;
import org.jgrad.nn.TransformerEncoder;
import org.jgrad.nn.TransformerEncoderLayer;
import org.jgrad.ops.AttentionMask;

/**
 * {@code --model transformer}: a small causal (GPT-style) Transformer: character embedding plus
 * learned or sinusoidal positions, pre-norm encoder layers (GELU, feed-forward 4x the width, no
 * dropout) under a causal mask, a final LayerNorm and a linear read-out. It has no recurrent state:
 * it remembers the last {@code context - 1} characters of each stream (host ids, no graph) and
 * reads them again before a chunk, as far as the context allows, so sampling one character at a
 * time still sees up to {@code context} characters; a training chunk as long as the context starts
 * fresh.
 */
final class CharTransformer implements CharModel {
    private final int context;
    private final Embedding embedding;
    private final Module positions;
    private final TransformerEncoder encoder;
    private final Linear readout;
    private final Sequential module;
    private int[][] history = new int[0][];

    CharTransformer(int vocabulary, int width, int heads, int layers, int context, boolean learnedPositions) {
        this.context = context;
        embedding = new Embedding(vocabulary, width);
        positions = learnedPositions ? new LearnedPositionalEmbedding(context, width, false)
                : new SinusoidalPositionalEncoding(width, 0, false);
        TransformerEncoderLayer layer = TransformerEncoderLayer.builder(width, heads).dimFeedforward(4 * width).dropout(0)
                .activation(TransformerEncoderLayer.Activation.GELU).normFirst(true).build();
        encoder = new TransformerEncoder(layer, layers, new LayerNorm(width));
        layer.close();
        readout = new Linear(width, vocabulary);
        module = new Sequential(embedding, positions, encoder, readout);
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public Tensor logits(Tensor chars) {
        int steps = chars.size(0);
        int batch = chars.size(1);
        if (steps > context) {
            throw new IllegalArgumentException("CharTransformer: a chunk of " + steps + " characters is longer than the context "
                    + context + "; use --seq-len <= the context");
        }
        int kept = history.length > 0 && history[0].length == batch ? Math.min(history.length, context - steps) : 0;
        int[][] window = new int[kept + steps][];
        System.arraycopy(history, history.length - kept, window, 0, kept);
        int[] ids = chars.toIntArray();
        for (int t = 0; t < steps; t++) {
            window[kept + t] = Arrays.copyOfRange(ids, t * batch, (t + 1) * batch);
        }
        history = Arrays.copyOfRange(window, Math.max(0, window.length - (context - 1)), window.length);
        Tensor input = Tensors.fromArray(chars.backend(), flatten(window, batch), window.length, batch);
        Tensor hidden = encoder.forward(positions.forward(embedding.forward(input)), AttentionMask.causal(), null);
        return readout.forward(hidden.narrow(0, kept, steps));
    }

    private static int[] flatten(int[][] rows, int batch) {
        int[] flat = new int[rows.length * batch];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, flat, t * batch, batch);
        }
        return flat;
    }

    @Override
    public void reset() {
        history = new int[0][];
    }

    @Override
    public void close() {
        module.close();
    }
}
