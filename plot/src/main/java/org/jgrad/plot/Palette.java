package org.jgrad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * Curve colours that readers with any common colour-vision deficiency tell apart: the eight
 * colours of Okabe and Ito's palette ("Color Universal Design", 2008), black last. Past eight
 * curves the colours repeat with a dashed, then dotted line, so every curve stays distinct.
 */
public final class Palette {
    /** Okabe-Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black. */
    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    private static final float[][] DASHES = {null, {10f, 5f}, {2f, 4f}};

    private Palette() {
    }

    /** The colour of curve {@code index} (from 0). */
    public static Color colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /** The line of curve {@code index}: solid for the first eight, then dashed, then dotted. */
    public static Stroke stroke(int index) {
        float[] dash = DASHES[(index / COLOURS.length) % DASHES.length];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
