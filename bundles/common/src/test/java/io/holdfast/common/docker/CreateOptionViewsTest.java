package io.holdfast.common.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.docker.model.HostConfig;
import io.holdfast.docker.model.MountPoint;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.MountSpec.Origin;
import io.holdfast.spi.container.MountSpec.Type;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.container.Ulimit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateOptionViewsTest {
    private static final HostConfig.LogConfig LOG = new HostConfig.LogConfig("json-file", Map.of());

    private static ContainerSpec spec(List<MountSpec> mounts) {
        return new ContainerSpec("web", "busybox", List.of(), List.of(), null, false, "bridge", "runc", 10,
                new ProcessOptions(List.of(), "", "", "", true, List.of(new Ulimit("nofile", 1, 2))),
                new NamingOptions("", "", List.of("db:10.0.0.5"), List.of("10.0.0.1"), List.of(), List.of()),
                mounts, new ResourceLimits(64L << 20, 128L << 20, 0, 0, 0, 0, 50),
                new SecurityOptions(List.of(), List.of("ALL"), true, true), Map.of());
    }

    @Test
    void eachMountShowsUnderTheFieldThatAskedForIt() {
        ContainerSpec spec = spec(List.of(
                new MountSpec(Type.BIND, "/a", "/b", true, List.of("rshared"), Origin.BINDS),
                new MountSpec(Type.BIND, "/c", "/d", false, List.of(), Origin.MOUNTS),
                new MountSpec(Type.TMPFS, "", "/t", false, List.of("size=1048576", "mode=700"), Origin.MOUNTS),
                new MountSpec(Type.TMPFS, "", "/run", true, List.of("size=1m"), Origin.TMPFS)));
        HostConfig host = CreateOptionViews.hostConfig(spec, LOG);
        assertEquals(List.of("/a:/b:ro,rshared"), host.binds());
        assertEquals(List.of(new HostConfig.Mount("bind", "/c", "/d", false, null, null),
                new HostConfig.Mount("tmpfs", "", "/t", false, null, new HostConfig.TmpfsOptions(1048576, 448))),
                host.mounts());
        assertEquals(Map.of("/run", "size=1m,ro"), host.tmpfs());
        assertEquals(List.of(new MountPoint("bind", "/a", "/b", "ro,rshared", false, "rshared"),
                new MountPoint("bind", "/c", "/d", "", true, "rprivate"),
                new MountPoint("tmpfs", "", "/t", "", true, ""),
                new MountPoint("tmpfs", "", "/run", "", false, "")), CreateOptionViews.mountPoints(spec));
    }

    @Test
    void limitsSecurityAndProcessOptionsShowInDockersFields() {
        HostConfig host = CreateOptionViews.hostConfig(spec(List.of()), LOG);
        assertEquals(64L << 20, host.memory());
        assertEquals(128L << 20, host.memorySwap());
        assertEquals(50L, host.pidsLimit());
        assertEquals(List.of("ALL"), host.capDrop());
        assertNull(host.capAdd());
        assertTrue(host.readonlyRootfs());
        assertEquals(List.of("no-new-privileges"), host.securityOpt());
        assertEquals(Boolean.TRUE, host.init());
        assertEquals(List.of(new HostConfig.Ulimit("nofile", 1, 2)), host.ulimits());
        assertEquals(List.of("db:10.0.0.5"), host.extraHosts());
        assertEquals(List.of("10.0.0.1"), host.dns());
        assertNull(host.binds());
    }

    @Test
    void seccompShowsInSecurityOptAsTheCreateSentIt() {
        assertEquals(List.of("no-new-privileges", "seccomp=unconfined"), CreateOptionViews.securityOpt(
                new SecurityOptions(List.of(), List.of(), false, true, SecurityOptions.SECCOMP_UNCONFINED)));
        assertEquals(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_LOG\"}"), CreateOptionViews.securityOpt(
                new SecurityOptions(List.of(), List.of(), false, false, "{\"defaultAction\":\"SCMP_ACT_LOG\"}")));
        assertNull(CreateOptionViews.securityOpt(SecurityOptions.DEFAULT), "the default profile shows as Docker's: null");
    }

    @Test
    void unsetOptionsShowAsDockerShowsThem() {
        HostConfig host = CreateOptionViews.hostConfig(new ContainerSpec(null, "busybox", List.of(), List.of(), null,
                false, "bridge", "runc", 10), LOG);
        assertNull(host.pidsLimit());
        assertNull(host.init());
        assertNull(host.mounts());
        assertEquals(List.of(), host.dns());
        assertEquals(0, host.memory());
    }
}
