package org.jgrad.plot;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What the plot tests look for in a drawn image. */
final class Pixels {
    private Pixels() {
    }

    /** Every RGB colour (alpha dropped) that some pixel of {@code image} has. */
    static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }
}
