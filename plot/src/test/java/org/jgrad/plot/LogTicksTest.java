package org.jgrad.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogTicksTest {
    private static String labels(double lower, double upper) {
        return LogTicks.between(lower, upper).stream().map(LogTicks::label).collect(Collectors.joining(" "));
    }

    @Test
    void ticksAreOneTwoFiveTimesPowersOfTenInsideTheRange() {
        assertEquals("0.1 0.2 0.5 1", labels(0.06, 1.1), "the optimizers plot's range");
        assertEquals("0.002 0.005 0.01 0.02 0.05 0.1 0.2 0.5 1 2", labels(0.0015, 2.5));
        assertEquals("10 20 50 100 200", labels(10, 200), "the bounds themselves are ticks");
        assertEquals(List.of(0.1, 0.2, 0.5), LogTicks.between(0.1, 0.5), "values are the decimals they name");
    }

    @Test
    void aNarrowRangeGetsEveryDigit() {
        assertEquals("0.3 0.4 0.5 0.6 0.7", labels(0.25, 0.75));
        assertEquals("3 4", labels(2.5, 4.5));
    }

    @Test
    void labelsArePlainDecimals() {
        assertEquals("0.0001", LogTicks.label(1e-4));
        assertEquals("30", LogTicks.label(30));
        assertEquals("0.3", LogTicks.label(LogTicks.between(0.25, 0.35).get(0)));
    }

    @Test
    void refusesANonPositiveRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogTicks.between(0, 1));
        assertEquals("LogTicks: need 0 < lower <= upper, got 0.0 and 1.0", e.getMessage());
    }
}
