package org.jgrad.examples;

import org.jgrad.DType;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.SgdConfig;

/**
 * The first program to run: a two-layer network learns to tell three interleaved spirals apart,
 * with nothing but tensors, autograd and the backend's fused SGD update. A straight line cannot
 * separate the spirals, so the accuracy it prints is evidence that the whole stack works.
 */
public final class SpiralDemo {
    private static final int CLASSES = 3;
    private static final int POINTS_PER_CLASS = 200;
    private static final int HIDDEN = 64;

    private SpiralDemo() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Backend backend = Backends.getDefault();
        System.out.println("jgrad spiral demo on " + backend.description());

        Spirals data = Spirals.make(CLASSES, POINTS_PER_CLASS, 7);
        Tensor x = Tensors.fromArray(data.points(), data.size(), 2);
        Tensor labels = Tensors.fromArray(data.labels(), data.size(), 1);

        Tensor w1 = Tensors.randn(1L, 2, HIDDEN).mul((float) Math.sqrt(2.0 / 2)).detach().requiresGrad(true);
        Tensor b1 = Tensors.zeros(HIDDEN).requiresGrad(true);
        Tensor w2 = Tensors.randn(2L, HIDDEN, CLASSES).mul((float) Math.sqrt(1.0 / HIDDEN)).detach().requiresGrad(true);
        Tensor b2 = Tensors.zeros(CLASSES).requiresGrad(true);
        Tensor[] params = {w1, b1, w2, b2};
        SgdConfig sgd = new SgdConfig(0.5f, 0.9f, 0f, 1e-4f, false);
        Tensor[] momentum = new Tensor[params.length];
        for (int i = 0; i < params.length; i++) {
            momentum[i] = Tensors.zeros(backend, DType.FLOAT32, params[i].shape());
        }

        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            try (Scope step = Scope.open()) {
                Tensor logits = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
                Tensor loss = logits.logSoftmax(1).gather(1, labels).mean().neg();
                for (Tensor p : params) {
                    p.zeroGrad();
                }
                loss.backward();
                for (int i = 0; i < params.length; i++) {
                    backend.sgdStep(sgd, epoch == 1, params[i].buffer(), params[i].grad().buffer(), momentum[i].buffer());
                }
                if (epoch % (epochs / 10) == 0 || epoch == 1) {
                    System.out.printf("epoch %5d  loss %.4f  accuracy %.3f%n", epoch, loss.item(), accuracy(logits, labels));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (NoGrad ignored = NoGrad.enter(); Scope scope = Scope.open()) {
            Tensor logits = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
            double accuracy = accuracy(logits, labels);
            System.out.printf("trained %d epochs in %.2f s; training accuracy %.3f (chance is %.3f)%n",
                    epochs, seconds, accuracy, 1.0 / CLASSES);
        }
    }

    private static double accuracy(Tensor logits, Tensor labels) {
        Tensor predicted = logits.argmax(1, true);
        return predicted.eq(labels).mean().item();
    }
}
