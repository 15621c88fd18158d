package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.Test;

/**
 * BackendProvider.notChosenAutomaticallyBecause, with a provider that asks to be passed over
 * (registered for the tests of this module): needs no OpenCL, so it runs everywhere.
 */
class AutomaticChoiceTest {

    @Test
    void automaticChoiceSkipsAProviderThatAsksToBePassedOver() {
        assertEquals("passed-over", Backends.available().get(0), "the test provider is the most preferred");
        Backend chosen = Backends.select(null);
        assertTrue(!chosen.name().equals("passed-over"), "chose " + chosen.description());
    }

    @Test
    void namingItStillStartsIt() {
        Backend named = Backends.named("passed-over");
        assertEquals("cpu", named.name(), "the test provider starts a CPU backend");
        assertNotSame(Backends.select(null), named);
    }
}
