package org.jgrad.examples;

import org.jgrad.Generator;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.SGD;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.optim.schedule.Schedules;

/**
 * The first program to run: a small network learns to tell three interleaved spirals apart, with
 * a hand-written PyTorch-style loop (zeroGrad, forward, loss, backward, step, schedule step). A
 * straight line cannot separate the spirals, so the accuracy it prints is evidence that the whole
 * stack (tensors, autograd, layers, loss, optimizer, schedule, backend) works.
 */
public final class SpiralDemo {
    private static final int CLASSES = 3;
    private static final int POINTS_PER_CLASS = 200;

    private SpiralDemo() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("jgrad spiral demo on " + Backends.getDefault().description());

        Spirals data = Spirals.make(CLASSES, POINTS_PER_CLASS, 7);
        Tensor x = Tensors.fromArray(data.points(), data.size(), 2);
        Tensor labels = Tensors.fromArray(data.labels(), data.size());

        Generator.manualSeed(42);
        Sequential model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, CLASSES));
        Optimizer optimizer = new SGD(model.parameters(), 0.5).momentum(0.9).weightDecay(1e-4);
        LrSchedule schedule = Schedules.cosine(0.5, epochs).withWarmup(epochs / 20);
        CrossEntropyLoss criterion = new CrossEntropyLoss();

        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            try (Scope step = Scope.open()) {
                optimizer.setLr(schedule.lr());
                optimizer.zeroGrad();
                Tensor logits = model.forward(x);
                Tensor loss = criterion.apply(logits, labels);
                loss.backward();
                optimizer.step();
                schedule.step();
                if (epoch % Math.max(1, epochs / 10) == 0 || epoch == 1) {
                    System.out.printf("epoch %5d  lr %.4f  loss %.4f  accuracy %.3f%n",
                            epoch, optimizer.lr(), loss.item(), accuracy(logits, labels));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (NoGrad ignored = NoGrad.enter(); Scope scope = Scope.open()) {
            model.eval();
            double accuracy = accuracy(model.forward(x), labels);
            System.out.printf("trained %d epochs in %.2f s; training accuracy %.3f (chance is %.3f)%n",
                    epochs, seconds, accuracy, 1.0 / CLASSES);
        }
    }

    private static double accuracy(Tensor logits, Tensor labels) {
        return logits.argmax(1, false).eq(labels).mean().item();
    }
}
