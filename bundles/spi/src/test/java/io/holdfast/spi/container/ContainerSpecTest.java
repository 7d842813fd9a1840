package io.holdfast.spi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each {@code with...}/{@code settled}/{@code updated} changes only what it names. The spec grew a component per
 * feature (health checks, ports, volumes); a copy made through an older constructor dropped the newer components
 * silently (published ports vanished once volumes rewrote the mounts), so every copy goes through these.
 */
class ContainerSpecTest {
    private static final ContainerSpec FULL = new ContainerSpec("web", "busybox", List.of("httpd"), List.of("A=1"),
            RestartPolicy.NONE, false, "bridge", "runc", 10, null, null,
            List.of(new MountSpec(MountSpec.Type.TMPFS, "", "/cache", false, List.of())), null, null,
            Map.of("tier", "front"), null, null,
            new HealthConfig(List.of("CMD", "true"), Duration.ofSeconds(5), null, null, null, 2),
            new PortOptions(List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")), List.of(), false));

    @Test
    void withMountsKeepsEverythingElse() {
        List<MountSpec> other = List.of(new MountSpec(MountSpec.Type.TMPFS, "", "/data", false, List.of()));
        ContainerSpec changed = FULL.withMounts(other);
        assertEquals(other, changed.mounts());
        assertEquals(FULL, changed.withMounts(FULL.mounts()));
    }

    @Test
    void withHealthcheckAndWithPortsKeepEverythingElse() {
        assertEquals(FULL, FULL.withHealthcheck(null).withHealthcheck(FULL.healthcheck()));
        assertEquals(FULL, FULL.withPorts(null).withPorts(FULL.ports()));
        assertEquals(PortOptions.NONE, FULL.withPorts(null).ports());
    }

    @Test
    void settledAndUpdatedKeepHealthcheckPortsAndMounts() {
        ContainerSpec settled = FULL.settled("web2", "none", "crun", ResourceLimits.NONE);
        assertEquals(List.of(FULL.healthcheck(), FULL.ports(), FULL.mounts()),
                List.of(settled.healthcheck(), settled.ports(), settled.mounts()));
        ContainerSpec updated = FULL.updated(ResourceLimits.NONE, RestartPolicy.NONE);
        assertEquals(FULL, updated);
    }
}
