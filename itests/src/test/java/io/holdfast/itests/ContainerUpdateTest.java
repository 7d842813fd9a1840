package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code docker update}: new limits reach the running container's cgroup at once and are kept for later starts. */
@ExtendWith(EngineExtension.class)
class ContainerUpdateTest {
    /** cgroup v1 and v2 name the files differently; the container sees its own cgroup either way. */
    private static final String LIMITS = "if [ -f /sys/fs/cgroup/memory.max ]; then "
            + "echo $(cat /sys/fs/cgroup/memory.max) $(cat /sys/fs/cgroup/pids.max); "
            + "else echo $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes) $(cat /sys/fs/cgroup/pids/pids.max); fi";

    @Test
    void updateChangesTheLimitsOfTheRunningContainerAndKeepsThemForTheNextStart(Engine engine, Api api)
            throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String id = docker.ok("run", "-d", "-m", "64m", "--pids-limit", "50", "busybox", "sleep", "1000");
        assertEquals("67108864 50", docker.ok("exec", id, "sh", "-c", LIMITS));

        docker.ok("update", "--memory", "96m", "--memory-swap", "192m", "--pids-limit", "40", "--restart",
                "on-failure:3", id);
        assertEquals("100663296 40", docker.ok("exec", id, "sh", "-c", LIMITS), "applied to the running container");
        JsonNode host = api.inspect(id).path("HostConfig");
        assertEquals(96L << 20, host.path("Memory").asLong());
        assertEquals(40, host.path("PidsLimit").asLong());
        assertEquals("on-failure", host.path("RestartPolicy").path("Name").asText());
        assertEquals(3, host.path("RestartPolicy").path("MaximumRetryCount").asInt());

        docker.ok("restart", "-t", "1", id);
        assertEquals("100663296 40", docker.ok("exec", id, "sh", "-c", LIMITS), "kept for the next start");

        DockerCli.Result refused = docker.run("update", "--cpuset-cpus", "0", id);
        assertTrue(refused.exitCode() != 0 && refused.err().contains("CpusetCpus"), refused.toString());
        DockerCli.Result tooBig = docker.run("update", "--memory", "512m", id);
        assertTrue(tooBig.exitCode() != 0 && tooBig.err().contains("memoryswap"), tooBig.toString());
        assertEquals(96L << 20, api.inspect(id).path("HostConfig").path("Memory").asLong(), "a refused update changes nothing");
        docker.ok("rm", "-f", id);
    }
}
