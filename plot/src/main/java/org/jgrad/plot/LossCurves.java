package org.jgrad.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jgrad.io.AtomicFile;

/**
 * One PNG with several loss curves on a shared epoch axis and a logarithmic loss axis ticked at
 * plain numbers ({@link LogTicks}), in colour-blind-safe colours ({@link Palette}), drawn off-screen,
 * for comparing runs; {@link HistoryPlot} draws one run's quantities instead. Non-finite and
 * non-positive values are left out, as a log axis cannot show them.
 */
public final class LossCurves {
    private LossCurves() {
    }

    /** Writes {@code curves} (run name to per-epoch loss, epoch 1 first) to {@code file}, 1000 x 600 pixels. */
    public static void write(Path file, String title, Map<String, double[]> curves) throws IOException {
        Headless.ensure();
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, losses) -> {
            XYSeries series = new XYSeries(name);
            for (int e = 0; e < losses.length; e++) {
                if (Double.isFinite(losses[e]) && losses[e] > 0) {
                    series.add(e + 1, losses[e]);
                }
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "training loss", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(new ReadableLogAxis("training loss (log scale)"));
        for (int s = 0; s < data.getSeriesCount(); s++) {
            plot.getRenderer().setSeriesPaint(s, Palette.colour(s));
            plot.getRenderer().setSeriesStroke(s, Palette.stroke(s));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, channel -> ChartUtils.writeChartAsPNG(Channels.newOutputStream(channel), chart, 1000, 600));
    }
}
