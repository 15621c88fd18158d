package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {
    private static final ExampleSpec SPEC = ExampleSpec.of("demo", "a test", 7, 16, 0.1)
            .withOption("out", "runs", "folder").withOption("dropout", "0", "rate");

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> ExampleArgs.parse(SPEC, args)).getMessage();
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        ExampleArgs args = ExampleArgs.parse(SPEC);
        assertNull(args.backend());
        assertEquals(7, args.epochs());
        assertEquals(16, args.batchSize());
        assertEquals(0.1, args.lr(5));
        assertEquals(42, args.seed());
        assertEquals("runs", args.option("out"));
    }

    @Test
    void bothSpellingsOfAValueAreRead() {
        ExampleArgs args = ExampleArgs.parse(SPEC, "--epochs", "3", "--lr=0.5", "--backend", "cpu", "--out=x", "--seed", "-1");
        assertEquals(3, args.epochs());
        assertEquals(0.5, args.lr(5));
        assertEquals("cpu", args.backend());
        assertEquals("x", args.option("out"));
        assertEquals(-1, args.seed());
    }

    @Test
    void badArgumentsAreNamedWithWhatWasExpected() {
        assertTrue(error("--epoch", "3").contains("unknown option '--epoch'; demo takes --backend, --batch-size, --dropout, --epochs, --lr, --out, --seed"));
        assertEquals("--epochs must be a whole number >= 1, got '0'", error("--epochs", "0"));
        assertEquals("--batch-size must be a whole number >= 1, got 'ten'", error("--batch-size", "ten"));
        assertEquals("--lr must be a positive number, got '-1'", error("--lr", "-1"));
        assertEquals("--seed must be a whole number, got '1.5'", error("--seed", "1.5"));
        assertEquals("option '--lr' needs a value", error("--lr"));
        assertEquals("option '--epochs' is given twice", error("--epochs", "1", "--epochs", "2"));
        assertEquals("unexpected argument '5'; options look like --epochs 5", error("5"));
    }

    @Test
    void aProbabilityOptionIsANumberFromZeroToBelowOne() {
        assertEquals(0.0, ExampleArgs.parse(SPEC).probabilityOption("dropout"));
        assertEquals(0.25, ExampleArgs.parse(SPEC, "--dropout", "0.25").probabilityOption("dropout"));
        for (String bad : new String[] {"1", "-0.1", "NaN"}) {
            assertEquals("--dropout must be a number in [0, 1), got '" + bad + "'",
                    assertThrows(UsageException.class, () -> ExampleArgs.parse(SPEC, "--dropout", bad).probabilityOption("dropout"))
                            .getMessage());
        }
        assertEquals("--dropout must be a number in [0, 1) such as 0.1, got 'half'",
                assertThrows(UsageException.class, () -> ExampleArgs.parse(SPEC, "--dropout", "half").probabilityOption("dropout"))
                        .getMessage());
    }

    @Test
    void summaryLinesSplitBackIntoTheirPairs() {
        Summary summary = new Summary().put("example", "digits").put("epochs", 10).put("test_acc", 0.97123, 3);
        assertEquals("example=digits epochs=10 test_acc=0.971", summary.toString());
        assertEquals(Map.of("example", "digits", "epochs", "10", "test_acc", "0.971"), Summary.parse(summary.toString()));
        assertThrows(IllegalArgumentException.class, () -> summary.put("bad key", "x"));
    }
}
