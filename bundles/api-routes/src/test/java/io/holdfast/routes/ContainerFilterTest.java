package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.NetworkConnection;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.network.NetworkAttachment;
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
    private final ContainerRecord db = record("d4".repeat(32), "db", "busybox", Map.of(), T0.plusSeconds(90),
            new RunState(ContainerStatus.RUNNING, 11, 10, 0, T0, null, "", false, false), List.of(
            new MountSpec(MountSpec.Type.VOLUME, "/v/pgdata/_data", "/var/lib/db", false, List.of(),
                    MountSpec.Origin.BINDS, new MountSpec.VolumeRef("pgdata", "local")),
            new MountSpec(MountSpec.Type.BIND, "/srv/conf", "/etc/db", true, List.of())));
    private final List<ContainerRecord> all = List.of(job, web);
    /** {@code db}'s list entry: 5432 published on 15432, 9100/udp only exposed. */
    private final List<Object> dbPorts = List.of(
            Map.of("IP", "127.0.0.1", "PrivatePort", 5432, "PublicPort", 15432, "Type", "tcp"),
            Map.of("PrivatePort", 9100, "Type", "udp"));

    private static ContainerRecord record(String id, String name, String image, Map<String, String> labels,
                                          Instant created, RunState state) {
        return record(id, name, image, labels, created, state, List.of());
    }

    private static ContainerRecord record(String id, String name, String image, Map<String, String> labels,
                                          Instant created, RunState state, List<MountSpec> mounts) {
        ContainerSpec spec = new ContainerSpec(name, image, List.of(), List.of(), null, false, "bridge", null, 10,
                null, null, null, null, null, labels).withMounts(mounts);
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, name, created, spec, "sha256:" + "c3".repeat(32),
                state, 0, "vfs", "/r", "/b", "/l", null, Map.of());
    }

    private List<String> names(String filters) {
        ContainerFilter filter = ContainerFilter.parse(filters);
        return all.stream().filter(c -> filter.matches(c, List.of(), all)).map(ContainerRecord::name).toList();
    }

    private boolean dbMatches(String filters) {
        return ContainerFilter.parse(filters).matches(db, dbPorts, List.of(db));
    }

    @Test
    void volumePublishAndExposeLookAtMountsAndTheListedPorts() {
        assertTrue(dbMatches("{\"volume\":[\"pgdata\"]}"), "by volume name");
        assertTrue(dbMatches("{\"volume\":[\"/var/lib/db\"]}"), "by destination");
        assertTrue(dbMatches("{\"volume\":[\"/srv/conf\"]}"), "a bind by its source");
        assertFalse(dbMatches("{\"volume\":[\"other\"]}"));
        assertTrue(dbMatches("{\"publish\":[\"15432\"]}"), "publish is the host side");
        assertFalse(dbMatches("{\"publish\":[\"5432\"]}"));
        assertTrue(dbMatches("{\"publish\":[\"15000-16000/tcp\"]}"));
        assertFalse(dbMatches("{\"publish\":[\"15432/udp\"]}"));
        assertTrue(dbMatches("{\"expose\":[\"5432\"]}"), "expose is the container side");
        assertTrue(dbMatches("{\"expose\":[\"9100/udp\"]}"), "an exposed port that is not published");
        assertFalse(dbMatches("{\"expose\":[\"9100\"]}"), "tcp when no protocol is given");
    }

    @Test
    void networkMatchesTheFirstNetworkAndEveryConnectedOne() {
        ContainerRecord connected = db.withConnected(Map.of("backend", new NetworkConnection("backend", List.of(),
                new NetworkAttachment("backend", "/run/netns/x", Map.of()))));
        assertTrue(ContainerFilter.parse("{\"network\":[\"bridge\"]}").matches(connected, List.of(), all));
        assertTrue(ContainerFilter.parse("{\"network\":[\"backend\"]}").matches(connected, List.of(), all));
        assertFalse(ContainerFilter.parse("{\"network\":[\"backend\"]}").matches(db, List.of(), all));
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
        assertEquals(List.of(), names("{\"volume\":[\"data\"]}"), "neither mounts a volume");
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
        assertTrue(assertThrows(EngineException.class, () -> names("{\"publish\":[\"http\"]}")).getMessage()
                .contains("publish=http"));
        assertTrue(assertThrows(EngineException.class, () -> names("{\"expose\":[\"90-80\"]}")).getMessage()
                .contains("ends before it starts"));
        assertFalse(ContainerFilter.parse("{\"name\":[\"x\"]}").reachesStopped());
    }
}
