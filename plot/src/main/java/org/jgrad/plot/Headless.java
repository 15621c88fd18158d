package org.jgrad.plot;

/** Charts are drawn off-screen: AWT runs headless unless the program chose otherwise. */
final class Headless {
    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
