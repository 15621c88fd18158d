package org.jgrad.examples;

import java.util.SplittableRandom;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/** Text from a {@link CharModel}: reads a prompt, then draws each next character from softmax(logits / temperature). */
final class CharSampler {
    private CharSampler() {
    }

    static String sample(CharModel model, CharCorpus corpus, String prompt, int length, double temperature, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        model.module().eval();
        model.reset();
        try (NoGrad off = NoGrad.enter()) {
            int[] ids = new int[prompt.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = corpus.id(prompt.charAt(i));
            }
            for (int i = 0; i < length; i++) {
                try (Scope scope = Scope.open()) {
                    Tensor logits = model.logits(Tensors.fromArray(ids, ids.length, 1));
                    float[] last = logits.narrow(0, ids.length - 1, 1).reshape(-1).div((float) temperature).softmax(0)
                            .toFloatArray();
                    int next = draw(last, random.nextDouble());
                    text.append(corpus.character(next));
                    ids = new int[] {next};
                }
            }
        }
        model.reset();
        return text.toString();
    }

    /** The index where the running sum of {@code probabilities} passes {@code u}. */
    private static int draw(float[] probabilities, double u) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            if (u < sum) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
