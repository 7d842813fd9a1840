package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerFilterTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final ContainerRecord web = record("a1".repeat(32), "web", "busybox", Map.of("team", "db"), T0,
            new RunState(ContainerStatus.RUNNING, 10, 9, 0, T0, null, "", false, false));
    private final ContainerRecord job = record("b2".repeat(32), "nightly-job", "busybox:1.36", Map.of(),
            T0.plusSeconds(60),
            new RunState(ContainerStatus.EXITED, 0, 0, 3, T0, T0.plusSeconds(70), "", false, false));
    private final List<ContainerRecord> all = List.of(job, web);

    private static ContainerRecord record(String id, String name, String image, Map<String, String> labels,
                                          Instant created, RunState state) {
        ContainerSpec spec = new ContainerSpec(name, image, List.of(), List.of(), null, false, "bridge", null, 10,
                null, null, null, null, null, labels);
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, name, created, spec, "sha256:" + "c3".repeat(32),
                state, 0, "vfs", "/r", "/b", "/l", null, Map.of());
    }

    private List<String> names(String filters) {
        ContainerFilter filter = ContainerFilter.parse(filters);
        return all.stream().filter(c -> filter.matches(c, all)).map(ContainerRecord::name).toList();
    }

    @Test
    void eachFilterSelectsWhatDockerWould() {
        assertEquals(List.of("nightly-job", "web"), names(null));
        assertEquals(List.of("web"), names("{\"name\":[\"^w\"]}"), "names are regular expressions");
        assertEquals(List.of("nightly-job"), names("{\"status\":[\"exited\"]}"));
        assertEquals(List.of("nightly-job"), names("{\"exited\":[\"3\"]}"));
        assertEquals(List.of(), names("{\"exited\":[\"0\"]}"));
        assertEquals(List.of("web"), names("{\"label\":[\"team=db\"]}"));
        assertEquals(List.of("web"), names("{\"label\":[\"team\"]}"));
        assertEquals(List.of("web"), names("{\"ancestor\":[\"busybox:latest\"]}"), ":latest is implied");
        assertEquals(List.of("nightly-job", "web"), names("{\"ancestor\":[\"c3c3c3c3\"]}"), "an image id prefix");
        assertEquals(List.of("web"), names("{\"before\":[\"nightly-job\"]}"));
        assertEquals(List.of("nightly-job"), names("{\"since\":[\"web\"]}"));
        assertEquals(List.of("web"), names("{\"id\":[\"a1a1\"]}"));
        assertEquals(List.of("nightly-job", "web"), names("{\"status\":[\"exited\",\"running\"]}"),
                "values of one filter are alternatives");
        assertEquals(List.of(), names("{\"status\":[\"exited\"],\"name\":[\"web\"]}"), "filters must all match");
        assertEquals(List.of("web"), names("{\"name\":{\"web\":true}}"), "the older map form");
        assertEquals(List.of(), names("{\"volume\":[\"data\"]}"), "no container has volumes");
    }

    @Test
    void badFiltersAreRefusedByName() {
        assertTrue(assertThrows(EngineException.class, () -> names("{\"colour\":[\"red\"]}")).getMessage()
                .contains("invalid filter 'colour'"));
        assertTrue(assertThrows(EngineException.class, () -> names("{\"status\":[\"sleeping\"]}")).getMessage()
                .contains("status=sleeping"));
        assertTrue(assertThrows(EngineException.class, () -> names("{\"exited\":[\"x\"]}")).getMessage()
                .contains("exited=x"));
        assertTrue(assertThrows(EngineException.class, () -> names("not json")).getMessage().contains("filters"));
        assertFalse(ContainerFilter.parse("{\"name\":[\"x\"]}").reachesStopped());
    }
}
