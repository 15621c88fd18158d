package org.jgrad.bench.lstm;

/**
 * Options of the LSTM training-step benchmark: {@code --steps N} timed steps per round (default
 * 20), {@code --warmup N} untimed steps first (default 5), {@code --seq T} (35), {@code --batch B}
 * (64), {@code --hidden H} (256, also the input width), {@code --layers L} (2), {@code --seed S}.
 */
public record LstmArgs(int steps, int warmup, int seq, int batch, int hidden, int layers, long seed) {

    public static LstmArgs parse(String[] argv) {
        int steps = 20;
        int warmup = 5;
        int seq = 35;
        int batch = 64;
        int hidden = 256;
        int layers = 2;
        long seed = 1;
        for (int i = 0; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) {
                throw new IllegalArgumentException("option " + argv[i] + " needs a value");
            }
            int value = Integer.parseInt(argv[i + 1]);
            switch (argv[i]) {
                case "--steps" -> steps = value;
                case "--warmup" -> warmup = value;
                case "--seq" -> seq = value;
                case "--batch" -> batch = value;
                case "--hidden" -> hidden = value;
                case "--layers" -> layers = value;
                case "--seed" -> seed = value;
                default -> throw new IllegalArgumentException("unknown option " + argv[i]
                        + "; expected --steps, --warmup, --seq, --batch, --hidden, --layers or --seed");
            }
        }
        return new LstmArgs(steps, warmup, seq, batch, hidden, layers, seed);
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
