package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code docker ps -s} and {@code docker inspect --size}: what a container wrote to its own layer. */
@ExtendWith(EngineExtension.class)
class ContainerSizeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sizeCountsWhatTheContainerWroteAndItsImageBelow(Engine engine) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String id = docker.ok("run", "-d", "busybox", "sh", "-c", "head -c 300000 /dev/zero > /big");
        assertEquals("0", docker.ok("wait", id));

        JsonNode inspect = JSON.readTree(docker.ok("inspect", "--size", id)).get(0);
        long rw = inspect.path("SizeRw").asLong();
        long rootFs = inspect.path("SizeRootFs").asLong();
        assertTrue(rw >= 300_000 && rw < 400_000, "the file it wrote: " + inspect.path("SizeRw"));
        assertTrue(rootFs > rw, "its image adds to the root file system: " + rootFs);
        assertTrue(JSON.readTree(docker.ok("inspect", id)).get(0).path("SizeRw").isMissingNode(),
                "only computed when asked for");

        String size = docker.ok("ps", "-a", "-s", "--filter", "id=" + id, "--format", "{{.Size}}");
        assertTrue(size.startsWith("300kB") || size.startsWith("301kB") || size.startsWith("302kB"), size);
        docker.ok("rm", id);
    }
}
