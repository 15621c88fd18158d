package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.data.DataLoader;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.Schedules;
import org.jgrad.train.Callback;
import org.jgrad.train.History;
import org.jgrad.train.ScheduleStep;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Accuracy;
import org.junit.jupiter.api.Test;

/** Trainer.fit / evaluate / predict on a seeded two-class problem, checked against host computations. */
public class TrainerConformance extends TrainerSupport {

    @Test
    void fitReducesTheLossAndRecordsOneRowPerEpoch() {
        Module model = model();
        Trainer trainer = builder(model).metrics(new Accuracy()).build();
        History history = trainer.fit(loader(64, 1, 8).shuffle(3), 6, null);
        assertEquals(6, history.epochs());
        assertEquals(List.of("loss", "accuracy", "lr"), history.names());
        double[] loss = history.values("loss");
        assertTrue(loss[5] < 0.7 * loss[0], "loss falls from " + loss[0] + " to " + loss[5]);
        assertTrue(history.value(6, "accuracy") > 0.85, "accuracy " + history.value(6, "accuracy"));
        assertArrayEquals(new double[] {LR, LR, LR, LR, LR, LR}, history.values("lr"));
        assertTrue(model.isTraining(), "fit leaves the model in train mode");
    }

    @Test
    void validationValuesAreTheEvaluationOfTheEpochsWeights() {
        Module model = model();
        Trainer trainer = builder(model).metrics(new Accuracy()).build();
        DataLoader validation = loader(23, 2, 5);
        History history = trainer.fit(loader(64, 1, 8), 3, validation);
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr"), history.names());
        Map<String, Double> evaluated = trainer.evaluate(validation);
        assertEquals(evaluated.get("loss"), history.value(3, "val_loss"), 1e-12, "val_loss of the last epoch");
        assertEquals(evaluated.get("accuracy"), history.value(3, "val_accuracy"), 1e-12);
    }

    @Test
    void evaluateMatchesAHostComputationOverAllExamples() {
        Module model = model();
        float[] x = inputs(23, 4);
        int[] y = labels(x);
        Map<String, Double> values = builder(model).metrics(new Accuracy()).build()
                .evaluate(new DataLoader(dataset(x), 5));
        float[] scores = TrainingLoop.outputs(model, Tensors.fromArray(x, 23, FEATURES));
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            double s0 = scores[i * CLASSES];
            double s1 = scores[i * CLASSES + 1];
            double logSumExp = Math.max(s0, s1) + Math.log1p(Math.exp(-Math.abs(s0 - s1)));
            lossSum += logSumExp - (y[i] == 0 ? s0 : s1);
            correct += (s1 > s0 ? 1 : 0) == y[i] ? 1 : 0;
        }
        assertEquals(List.of("loss", "accuracy"), List.copyOf(values.keySet()));
        assertEquals(lossSum / y.length, values.get("loss"), 1e-6, "mean cross-entropy over the 23 examples");
        assertEquals(correct / 23.0, values.get("accuracy"), 1e-12);
        assertTrue(model.isTraining(), "evaluate restores train mode");
    }

    @Test
    void predictEqualsForwardInEvalModeBatchedOrNot() {
        Module model = new Sequential(model(), new Dropout(0.5));
        float[] x = inputs(23, 5);
        Tensor input = Tensors.fromArray(x, 23, FEATURES);
        model.eval();
        float[] expected = TrainingLoop.outputs(model, input);
        model.train();
        Trainer trainer = builder(model).build();
        Tensor batched = trainer.predict(new DataLoader(dataset(x), 5));
        assertArrayEquals(new int[] {23, CLASSES}, batched.shape());
        assertClose("predict(loader)", doubles(expected), batched.toFloatArray(), 1e-6, 1e-6);
        Tensor whole = trainer.predict(input);
        assertArrayEquals(expected, whole.toFloatArray(), "predict(tensor) is one eval-mode forward pass");
        assertTrue(model.isTraining(), "predict restores train mode");
    }

    @Test
    void schedulesAreSteppedPerEpochOrPerBatch() {
        Module model = model();
        History perEpoch = builder(model).schedule(Schedules.exponential(LR, 0.5)).build().fit(loader(24, 1, 8), 3, null);
        assertArrayEquals(new double[] {LR, LR * 0.5, LR * 0.25}, perEpoch.values("lr"), 1e-15);
        History perBatch = builder(model).schedule(Schedules.exponential(LR, 0.5), ScheduleStep.PER_BATCH).build()
                .fit(loader(24, 1, 8), 2, null);
        assertArrayEquals(new double[] {LR * Math.pow(0.5, 2), LR * Math.pow(0.5, 5)}, perBatch.values("lr"), 1e-15,
                "the rate of each epoch's last (third) batch");
    }

    @Test
    void deviceMemoryStaysFlatAcrossEpochs() {
        CountingBackend counting = new CountingBackend(backend());
        Backends.setDefault(counting);
        Module model = model();
        List<Integer> live = new ArrayList<>();
        Callback counter = new Callback() {
            @Override
            public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
                live.add(counting.live());
            }
        };
        Trainer trainer = Trainer.builder(model).loss(new CrossEntropyLoss())
                .optimizer(new Adam(model.parameters(), 0.01)).metrics(new Accuracy()).silent().build();
        trainer.fit(loader(40, 1, 8).shuffle(2), 4, loader(12, 2, 5), counter);
        assertEquals(List.of(live.get(0), live.get(0), live.get(0), live.get(0)), live,
                "buffers alive after each epoch");
        assertEquals(0, counting.doubleFrees(), "buffers freed twice");
    }
}
