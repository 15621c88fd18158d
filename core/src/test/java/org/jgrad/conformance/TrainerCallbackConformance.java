package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrad.nn.Module;
import org.jgrad.train.Callback;
import org.jgrad.train.CsvLogger;
import org.jgrad.train.EarlyStopping;
import org.jgrad.train.History;
import org.jgrad.train.ModelCheckpoint;
import org.jgrad.train.MonitorMode;
import org.jgrad.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EarlyStopping, CsvLogger and ModelCheckpoint driven by a scripted metric during real training. */
public class TrainerCallbackConformance extends TrainerSupport {
    @TempDir
    Path folder;

    private Trainer scripted(Module model, double... script) {
        return builder(model).metrics(new ScriptedMetric(script)).build();
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        Module model = model();
        WeightRecorder weights = new WeightRecorder();
        EarlyStopping stopping = new EarlyStopping("scripted").patience(2).restoreBestWeights(true);
        History history = scripted(model, 5, 4, 3, 3.5, 3.2, 1, 1).fit(loader(24, 1, 8), 7, null, weights, stopping);
        assertEquals(5, history.epochs(), "epochs 4 and 5 do not beat epoch 3's 3.0; patience 2 stops after 5");
        assertEquals(3, stopping.bestEpoch());
        assertEquals(5, stopping.stoppedEpoch());
        Map<String, float[]> best = weights.epochs.get(2);
        model.stateDict().forEach((name, tensor) -> {
            assertArrayEquals(best.get(name), tensor.toFloatArray(), name + " is epoch 3's");
            assertNotEquals(weights.epochs.get(4).get(name)[0], tensor.toFloatArray()[0], name + " changed since");
        });
    }

    @Test
    void earlyStoppingHonoursMinDeltaAndMaxMode() {
        EarlyStopping byDelta = new EarlyStopping("scripted").minDelta(0.1).patience(2);
        History history = scripted(model(), 5, 4.95, 4.9, 4.85).fit(loader(24, 1, 8), 4, null, byDelta);
        assertEquals(3, history.epochs(), "4.95 and 4.9 are not 0.1 below 5");
        assertEquals(1, byDelta.bestEpoch());
        EarlyStopping rising = new EarlyStopping("scripted").mode(MonitorMode.MAX).patience(1);
        History max = scripted(model(), 0.5, 0.6, 0.55, 0.7).fit(loader(24, 1, 8), 4, null, rising);
        assertEquals(3, max.epochs(), "0.55 does not beat 0.6");
        assertEquals(2, rising.bestEpoch());
        EarlyStopping flat = new EarlyStopping("scripted").patience(3);
        assertEquals(4, scripted(model(), 1, 1, 1, 1, 1, 1).fit(loader(24, 1, 8), 6, null, flat).epochs(),
                "three epochs without improvement after epoch 1");
        assertEquals(4, flat.stoppedEpoch());
    }

    @Test
    void aMonitorThatIsNotRecordedIsNamedInTheError() {
        Trainer trainer = builder(model()).build();
        assertRejected(IllegalStateException.class,
                () -> trainer.fit(loader(24, 1, 8), 2, null, new EarlyStopping("val_loss")),
                "EarlyStopping", "'val_loss'", "[loss, lr]");
    }

    @Test
    void csvLoggerWritesTheHistoryAfterEveryEpoch() throws IOException {
        Path file = folder.resolve("log.csv");
        List<Long> linesSeen = new ArrayList<>();
        Callback reader = new Callback() {
            @Override
            public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
                try {
                    linesSeen.add(Files.lines(file).count());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        History history = scripted(model(), 0.25, 0.5, 1e-5).fit(loader(24, 1, 8), 3, null, new CsvLogger(file), reader);
        assertEquals(List.of(2L, 3L, 4L), linesSeen, "header plus one line per finished epoch");
        double[] loss = history.values("loss");
        String expected = "epoch,loss,scripted,lr\n"
                + "1," + loss[0] + ",0.25,0.5\n"
                + "2," + loss[1] + ",0.5,0.5\n"
                + "3," + loss[2] + ",1.0E-5,0.5\n";
        assertEquals(expected, Files.readString(file));
    }

    @Test
    void modelCheckpointSavesEveryEpochOrOnlyImprovements() {
        List<String> saved = new ArrayList<>();
        ModelCheckpoint best = new ModelCheckpoint(folder.resolve("best-{epoch}.bin"),
                (file, trainer) -> saved.add(file.getFileName() + "@" + trainer.history().epochs()))
                .monitor("scripted", MonitorMode.MIN).saveBestOnly(true);
        scripted(model(), 5, 4, 4.5, 3, 3.5).fit(loader(24, 1, 8), 5, null, best);
        assertEquals(List.of("best-1.bin@1", "best-2.bin@2", "best-4.bin@4"), saved,
                "saved when the value improves, after the epoch is in the history");
        saved.clear();
        ModelCheckpoint last = new ModelCheckpoint(folder.resolve("last.bin"),
                (file, trainer) -> saved.add(file.getFileName() + "@" + trainer.history().epochs()));
        scripted(model(), 5, 4, 4.5).fit(loader(24, 1, 8), 3, null, last);
        assertEquals(List.of("last.bin@1", "last.bin@2", "last.bin@3"), saved);
    }

    @Test
    void aFailingCheckpointWriterNamesTheFileAndEpoch() {
        ModelCheckpoint failing = new ModelCheckpoint(folder.resolve("ck.bin"), (file, trainer) -> {
            throw new IOException("disk full");
        });
        UncheckedIOException e = assertRejected(UncheckedIOException.class,
                () -> builder(model()).build().fit(loader(24, 1, 8), 2, null, failing), "epoch 1", "ck.bin");
        assertEquals("disk full", e.getCause().getMessage());
    }
}
