package org.jgrad.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/** A vertical logarithmic axis ticked by {@link LogTicks}: 1, 0.5, 0.2, 0.1 rather than 10^-0.05. */
final class ReadableLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    ReadableLogAxis(String label) {
        super(label);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        List<ValueTick> ticks = new ArrayList<>();
        for (double value : LogTicks.between(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, value, LogTicks.label(value), anchor, TextAnchor.CENTER, 0));
        }
        return ticks;
    }
}
