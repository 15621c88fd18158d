package org.jgrad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jgrad.io.AtomicFile;
import org.jgrad.train.History;

/**
 * Draws a {@link History} with JFreeChart as a PNG: one panel per quantity stacked over a shared
 * epoch axis, the training values in blue and the validation values in orange ({@link Palette}),
 * rendered off-screen ({@code java.awt.headless} is set to true unless the program chose
 * otherwise). jgrad-core keeps the history itself and its CSV ({@link History#toCsv}).
 *
 * <pre>{@code
 * History history = trainer.fit(train, validation, epochs);
 * HistoryPlot.write(history, Path.of("run/loss.png"));
 * }</pre>
 */
public final class HistoryPlot {
    static final int DEFAULT_WIDTH = 900;
    private static final int PANEL_HEIGHT = 240;
    private static final int MARGIN_HEIGHT = 60;
    private static final Color TRAIN = Palette.colour(0);
    private static final Color VALIDATION = Palette.colour(1);

    private HistoryPlot() {
    }

    /** A quantity and the names of its training and validation values (either may be absent: null). */
    record Panel(String quantity, String train, String validation) {
    }

    static int defaultHeight(int panels) {
        return MARGIN_HEIGHT + PANEL_HEIGHT * Math.max(panels, 1);
    }

    /** Pairs each name with its {@code val_} counterpart, in order of first appearance. */
    static List<Panel> panels(Set<String> names) {
        Set<String> quantities = new LinkedHashSet<>();
        for (String name : names) {
            boolean validation = name.startsWith(History.VALIDATION_PREFIX) && name.length() > History.VALIDATION_PREFIX.length();
            quantities.add(validation ? name.substring(History.VALIDATION_PREFIX.length()) : name);
        }
        List<Panel> panels = new ArrayList<>();
        for (String quantity : quantities) {
            String validation = History.validationName(quantity);
            panels.add(new Panel(quantity, names.contains(quantity) ? quantity : null,
                    names.contains(validation) ? validation : null));
        }
        return panels;
    }

    /** Plots every quantity against the epoch, training and validation together, as a PNG of 900 × (60 + 240 per panel). */
    public static void write(History history, Path file) throws IOException {
        write(history, file, DEFAULT_WIDTH, defaultHeight(panels(new LinkedHashSet<>(history.names())).size()));
    }

    /**
     * Plots into a PNG of width × height pixels, one panel per quantity in order of first
     * appearance, replacing {@code file} atomically.
     */
    public static void write(History history, Path file, int width, int height) throws IOException {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("HistoryPlot: the image must be at least 100 × 100 pixels, got "
                    + width + " × " + height);
        }
        if (history.epochs() == 0) {
            throw new IllegalStateException("HistoryPlot: no epoch recorded, nothing to plot to " + file);
        }
        Headless.ensure();
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        for (Panel panel : panels(new LinkedHashSet<>(history.names()))) {
            plot.add(panelPlot(history, panel));
        }
        JFreeChart chart = new JFreeChart("Training history", new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, channel -> ChartUtils.writeChartAsPNG(Channels.newOutputStream(channel), chart, width, height));
    }

    private static XYPlot panelPlot(History history, Panel panel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (String name : new String[] {panel.train(), panel.validation()}) {
            if (name == null) {
                continue;
            }
            XYSeries series = new XYSeries(name);
            double[] values = history.values(name);
            for (int e = 0; e < values.length; e++) {
                if (Double.isFinite(values[e])) {
                    series.add(e + 1, values[e]);
                }
            }
            int index = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesPaint(index, name.equals(panel.train()) ? TRAIN : VALIDATION);
            renderer.setSeriesStroke(index, new BasicStroke(2f));
            renderer.setSeriesShape(index, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis valueAxis = new NumberAxis(panel.quantity());
        valueAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
