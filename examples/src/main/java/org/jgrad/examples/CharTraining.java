package org.jgrad.examples;

import java.io.PrintStream;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.optim.GradClip;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.Schedules;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * The char-lm training loop: each step reads the next {@code seqLen} characters of every stream,
 * predicts each one's successor, and takes an optimizer step on the mean cross-entropy (gradient
 * norm clipped at 1, learning rate annealed by a cosine over all steps). After each epoch the model
 * reads the whole validation part the same way (64 streams), without gradients; bits per character is that
 * mean cross-entropy in nats divided by ln 2.
 */
final class CharTraining {
    private static final double MAX_GRAD_NORM = 1.0;
    private static final int VALIDATION_BATCH = 64;

    private final CharCorpus corpus;
    private final CharModel model;
    private final Optimizer optimizer;
    private final int[][] train;
    private final int seqLen;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private double charsPerSecond;

    CharTraining(CharCorpus corpus, CharModel model, Optimizer optimizer, int batch, int seqLen, int trainChars) {
        this.corpus = corpus;
        this.model = model;
        this.optimizer = optimizer;
        this.seqLen = seqLen;
        this.train = corpus.trainStreams(batch, trainChars);
        if (train[0].length <= seqLen) {
            throw new UsageException(Math.min(trainChars, corpus.trainLength()) + " training characters in --batch-size "
                    + batch + " streams leave " + train[0].length + " characters per stream, fewer than --seq-len " + seqLen
                    + " + 1");
        }
        if (corpus.validationLength() / VALIDATION_BATCH < 2) {
            throw new UsageException("the validation part has " + corpus.validationLength() + " characters, fewer than 2 for each of "
                    + VALIDATION_BATCH + " streams: the text is too short");
        }
    }

    /** Trains {@code epochs} epochs, printing each one's figures; returns the last validation bits per character. */
    double fit(int epochs, PrintStream out) {
        int steps = (train[0].length - 1) / seqLen;
        LrSchedule schedule = Schedules.cosine(optimizer.lr(), epochs * steps);
        double bpc = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            model.module().train();
            model.reset();
            double sum = 0;
            for (int step = 0; step < steps; step++) {
                optimizer.setLr(schedule.lr());
                try (Scope scope = Scope.open()) {
                    optimizer.zeroGrad();
                    Tensor value = chunkLoss(train, step * seqLen, seqLen);
                    value.backward();
                    GradClip.clipGradNorm(model.module().parameters(), MAX_GRAD_NORM);
                    optimizer.step();
                    sum += value.item();
                }
                schedule.step();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            charsPerSecond = (double) steps * seqLen * train.length / seconds;
            bpc = validationBits();
            out.printf("epoch %d: train_bpc %.3f, val_bpc %.3f, %.0f s (process CPU %.0f s), %.0f characters/s%n", epoch,
                    sum / steps / Math.log(2), bpc, seconds, cpuSeconds, charsPerSecond);
        }
        return bpc;
    }

    /** Mean cross-entropy (nats) of predicting positions start + 1 .. start + steps of every stream. */
    private Tensor chunkLoss(int[][] streams, int start, int steps) {
        int batch = streams.length;
        Tensor chars = Tensors.fromArray(CharCorpus.chunk(streams, start, steps), steps, batch);
        Tensor next = Tensors.fromArray(CharCorpus.chunk(streams, start + 1, steps), steps * batch);
        return loss.apply(model.logits(chars).reshape(steps * batch, corpus.vocabularySize()), next);
    }

    private double validationBits() {
        int[][] streams = corpus.validationStreams(VALIDATION_BATCH);
        model.module().eval();
        model.reset();
        double sum = 0;
        int count = 0;
        try (NoGrad off = NoGrad.enter()) {
            for (int start = 0; start + 1 < streams[0].length; start += seqLen) {
                int steps = Math.min(seqLen, streams[0].length - 1 - start);
                try (Scope scope = Scope.open()) {
                    sum += chunkLoss(streams, start, steps).item() * steps;
                    count += steps;
                }
            }
        }
        return sum / count / Math.log(2);
    }

    /** CPU time of the whole process: on a shared machine it shows the work apart from waiting for a core. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    long charsPerEpoch() {
        return (long) (train[0].length - 1) / seqLen * seqLen * train.length;
    }

    double charsPerSecond() {
        return charsPerSecond;
    }
}
