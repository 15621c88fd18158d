package org.jgrad.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three epochs of 60 batches, 5 ms each, through {@link ProgressBar#create} on System.out, with
 * values long enough to need cutting on an 80-column terminal; ends printing the width it saw.
 * {@link ProgressBarTmuxTest} runs it in a tmux pane.
 */
public final class ProgressBarTerminalDemo {
    private ProgressBarTerminalDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProgressBar bar = ProgressBar.create(System.out);
        for (int epoch = 1; epoch <= 3; epoch++) {
            bar.startEpoch(epoch, 3, 60);
            Map<String, Double> values = new LinkedHashMap<>();
            for (int b = 1; b <= 60; b++) {
                Thread.sleep(5);
                values.put("loss", 1.0 / b);
                values.put("accuracy", 1 - 1.0 / b);
                bar.batchDone(32, values);
            }
            values.put("val_loss", 0.5);
            values.put("val_accuracy", 0.75);
            bar.endEpoch(values);
        }
        System.out.println("style=" + bar.style() + " width=" + TerminalWidth.current() + " DONE");
    }
}
