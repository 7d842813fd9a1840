package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.OciRuntime;
import org.junit.jupiter.api.Test;

class RuntimeListingTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");

    @Test
    void anEmptyRootListsAsNull() throws Exception {
        assertEquals(0, RuntimeListing.parse("null\n", RUNC).size());
    }

    @Test
    void containersAreReadFromTheArrayEvenAfterAWarning() throws Exception {
        String output = "time=\"...\" level=warning msg=\"something\"\n[{\"ociVersion\":\"1.0.2\",\"id\":\"abc\","
                + "\"pid\":42,\"status\":\"running\",\"created\":\"2026-11-25T10:00:00Z\"}]\n";
        var containers = RuntimeListing.parse(output, RUNC);
        assertEquals(1, containers.size());
        assertEquals(42, containers.get(0).path("pid").asLong());
    }

    @Test
    void somethingElseIsAnErrorNamingTheRuntime() {
        MonitorException e = assertThrows(MonitorException.class, () -> RuntimeListing.parse("oops", RUNC));
        assertTrue(e.getMessage().startsWith("runc list printed no JSON"), e.getMessage());
    }
}
