package org.jgrad.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.jgrad.Tensor;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.Loss;

/**
 * Cross-entropy that, once per test (the first to create {@code marker} wins), sends SIGKILL
 * ({@code kill -9}) to its own executor JVM in the middle of a round: on partition 1, at the
 * round's fourth step. The kill lands while the other replica waits in the exchange, which an
 * outside kill timed by the test could not promise.
 */
final class KillingLoss implements Loss {
    private static final int KILL_AT_CALL = 4;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private final String marker;
    private int calls;

    KillingLoss(String marker) {
        this.marker = marker;
    }

    static LossFactory factory(Path marker) {
        String path = marker.toString();
        return () -> new KillingLoss(path);
    }

    @Override
    public Tensor apply(Tensor input, Tensor target) {
        TaskContext task = TaskContext.get();
        if (++calls == KILL_AT_CALL && task != null && task.partitionId() == 1 && claim()) {
            try {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
                Thread.sleep(60_000); // SIGKILL ends the JVM before this returns
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return loss.apply(input, target);
    }

    private boolean claim() {
        try {
            Files.createFile(Path.of(marker));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
