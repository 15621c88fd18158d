package org.jgrad.bench.lstm;

import org.jgrad.bench.Options;

/**
 * Options of the LSTM training-step benchmark: {@code --steps N} timed steps per round (default
 * 20), {@code --warmup N} untimed steps first (default 5), {@code --seq T} (35), {@code --batch B}
 * (64), {@code --hidden H} (256, also the input width), {@code --layers L} (2), {@code --seed S}.
 */
public record LstmArgs(int steps, int warmup, int seq, int batch, int hidden, int layers, long seed) {

    public static LstmArgs parse(String[] argv) {
        Options options = Options.parse(argv, "--steps", "--warmup", "--seq", "--batch", "--hidden", "--layers", "--seed");
        return new LstmArgs(options.integer("--steps", 20, 1), options.integer("--warmup", 5, 0),
                options.integer("--seq", 35, 1), options.integer("--batch", 64, 1), options.integer("--hidden", 256, 1),
                options.integer("--layers", 2, 1), options.longValue("--seed", 1));
    }

    /** The same fixed input and target values for every framework: uniform on [-1, 1) from the seed. */
    public float[] values(long salt) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 31 + salt);
        float[] out = new float[seq * batch * hidden];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return out;
    }
}
