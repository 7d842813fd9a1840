package io.holdfast.common.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCgroupsTest {

    @Test
    void hybridHostHasV1ControllersAndTheUnifiedHierarchyBelowUnified(@TempDir Path root) {
        ProcessCgroups cg = ProcessCgroups.parse(root, """
                4:memory:/holdfast-abc
                2:cpu,cpuacct:/holdfast-abc
                1:name=systemd:/holdfast-abc
                0::/holdfast-abc
                """);
        assertEquals(Optional.of(root.resolve("memory/holdfast-abc")), cg.v1("memory"));
        assertEquals(Optional.of(root.resolve("cpu,cpuacct/holdfast-abc")), cg.v1("cpuacct"));
        assertEquals(Optional.of(root.resolve("unified/holdfast-abc")), cg.v2());
        assertEquals(Optional.empty(), cg.v1("pids"));
    }

    @Test
    void pureV2HostHasOnlyTheUnifiedHierarchyAtTheRoot(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        ProcessCgroups cg = ProcessCgroups.parse(root, "0::/system.slice/holdfast-abc\n");
        assertTrue(cg.pureV2());
        assertEquals(Optional.of(root.resolve("system.slice/holdfast-abc")), cg.v2());
        assertEquals(Optional.empty(), cg.v1("memory"));
    }
}
