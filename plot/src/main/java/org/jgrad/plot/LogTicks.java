package org.jgrad.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick values for a logarithmic axis that read as plain numbers: 1, 2 and 5 times the powers of
 * ten inside the range (..., 0.1, 0.2, 0.5, 1, 2, ...), or every digit times them when that gives
 * fewer than three ticks, labelled in plain decimals ({@code 0.05}, not {@code 10^-1.3}).
 */
public final class LogTicks {
    private static final int[] PREFERRED = {1, 2, 5};
    private static final int[] EVERY_DIGIT = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private LogTicks() {
    }

    /** The tick values within [lower, upper], ascending; both bounds must be positive. */
    public static List<Double> between(double lower, double upper) {
        if (!(lower > 0) || !(upper >= lower)) {
            throw new IllegalArgumentException("LogTicks: need 0 < lower <= upper, got " + lower + " and " + upper);
        }
        List<Double> ticks = ticks(lower, upper, PREFERRED);
        return ticks.size() >= 3 ? ticks : ticks(lower, upper, EVERY_DIGIT);
    }

    /** The label of a tick value: plain decimal digits, without trailing zeros. */
    public static String label(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<Double> ticks(double lower, double upper, int[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int exponent = (int) Math.floor(Math.log10(lower)); exponent <= (int) Math.ceil(Math.log10(upper)); exponent++) {
            for (int mantissa : mantissas) {
                // mantissa * 10^exponent as the decimal it names, so 0.1 * 3 does not print 0.30000000000000004.
                double value = new BigDecimal(mantissa).scaleByPowerOfTen(exponent).doubleValue();
                if (value >= lower && value <= upper) {
                    ticks.add(value);
                }
            }
        }
        return ticks;
    }
}
