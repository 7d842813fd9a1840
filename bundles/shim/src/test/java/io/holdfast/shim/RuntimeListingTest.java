package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path execRoot;

    /** A runtime that cannot run: whether the listing asks it shows in the answer. */
    private static final OciRuntime ABSENT = new OciRuntime("runc", "/nonexistent/runc");

    @Test
    void whenEveryContainerTheRuntimeKnowsHasAMonitorTheRuntimeIsNotAsked() throws Exception {
        MonitorLayout layout = new MonitorLayout(execRoot);
        Files.createDirectories(layout.runtimeRoot("runc").resolve("aaa"));
        Files.createDirectories(layout.runtimeRoot("runc").resolve("bbb"));

        assertEquals(List.of(), new RuntimeListing(layout).unmonitored(List.of(ABSENT), Set.of("aaa", "bbb", "ccc")));
    }

    @Test
    void aContainerWithoutAMonitorMakesTheListingAskTheRuntime() throws Exception {
        MonitorLayout layout = new MonitorLayout(execRoot);
        Files.createDirectories(layout.runtimeRoot("runc").resolve("aaa"));
        Files.createDirectories(layout.runtimeRoot("runc").resolve("orphan"));

        MonitorException e = assertThrows(MonitorException.class,
                () -> new RuntimeListing(layout).unmonitored(List.of(ABSENT), Set.of("aaa")));
        assertTrue(e.getMessage().contains("/nonexistent/runc"), e.getMessage());
    }

    @Test
    void somethingElseIsAnErrorNamingTheRuntime() {
        MonitorException e = assertThrows(MonitorException.class, () -> RuntimeListing.parse("oops", RUNC));
        assertTrue(e.getMessage().startsWith("runc list printed no JSON"), e.getMessage());
    }
}
