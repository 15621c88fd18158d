package org.jgrad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pieces of a progress line: the bar, durations, rates and named values. */
final class ProgressFormat {
    static final int BAR_WIDTH = 30;

    private ProgressFormat() {
    }

    /** "[=====>........]" for done of total (a full bar of '=' once done reaches total). */
    static String bar(long done, long total) {
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
        if (filled == BAR_WIDTH) {
            return "[" + "=".repeat(BAR_WIDTH) + "]";
        }
        String head = filled == 0 ? "" : "=".repeat(filled - 1) + ">";
        return "[" + head + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** "done/total" with done right-aligned to the width of total: " 7/120". */
    static String count(long done, long total) {
        String t = Long.toString(total);
        return String.format(Locale.ROOT, "%" + t.length() + "d/%s", done, t);
    }

    /** 4.2s under 10 s, 35s under a minute, 3:05 under an hour, then 1:02:03. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Samples per second: one decimal below 10, whole numbers above. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f samples/s" : "%.0f samples/s", perSecond);
    }

    /** " - loss: 0.1234 - accuracy: 0.9000": four decimals, or scientific for very small or large values. */
    static String values(Map<String, Double> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(" - ").append(name).append(": ").append(number(value)));
        return out.toString();
    }

    /**
     * The end-of-epoch line, "count bar summary", in lines of at most {@code max} characters: as
     * it is when it fits, else without the bar, its " - " parts filling each line and the rest
     * going on to further lines indented by two spaces (a part longer than a line is cut).
     */
    static List<String> endLines(String count, String bar, String summary, int max) {
        if (count.length() + bar.length() + summary.length() + 2 <= max) {
            return List.of(count + " " + bar + " " + summary);
        }
        List<String> lines = new ArrayList<>();
        String[] parts = summary.split(" - ");
        StringBuilder line = new StringBuilder(count).append(' ').append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (line.length() + 3 + parts[i].length() <= max) {
                line.append(" - ").append(parts[i]);
            } else {
                lines.add(line.toString());
                line = new StringBuilder("  ").append(parts[i]);
            }
        }
        lines.add(line.toString());
        lines.replaceAll(text -> text.length() <= max ? text : text.substring(0, max));
        return lines;
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        boolean plain = value == 0 || magnitude >= 1e-3 && magnitude < 1e5 || !Double.isFinite(value);
        return String.format(Locale.ROOT, plain ? "%.4f" : "%.4e", value);
    }
}
