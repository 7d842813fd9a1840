package io.holdfast.docker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jr.annotationsupport.JacksonAnnotationExtension;
import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server writes the model with jackson-databind, the CLI reads it with jackson-jr (it starts faster): every record
 * must come back equal, field names included, or the two have drifted apart.
 */
class ServerToCliRoundTripTest {
    private static final ObjectMapper SERVER = new ObjectMapper();
    private static final JSON CLI = JSON.builder().register(JacksonAnnotationExtension.std).build();

    private static <T> void roundTrips(T value, Class<T> type) throws Exception {
        String written = SERVER.writeValueAsString(value);
        assertEquals(value, CLI.beanFrom(type, written), written);
    }

    @Test
    void containerInspect() throws Exception {
        ContainerConfig config = new ContainerConfig("abc", "", "1000:1000", false, true, true, Map.of(), false, false,
                false, List.of("A=1"), List.of("sh", "-c", "true"), "busybox", Map.of(), "/tmp", List.of("/init"),
                Map.of("team", "db"), "SIGTERM", 10);
        HostConfig host = new HostConfig(List.of("/src:/dst:ro"), new HostConfig.LogConfig("json-file", Map.of()),
                "bridge", new HostConfig.RestartPolicy("on-failure", 3), false, "runc",
                List.of(new HostConfig.Mount("bind", "/a", "/b", true, new HostConfig.BindOptions("rslave"), null),
                        new HostConfig.Mount("tmpfs", "", "/t", false, null, new HostConfig.TmpfsOptions(1024, 448))),
                Map.of("/run", "size=1m"), true, List.of("CAP_NET_ADMIN"), List.of("ALL"), false,
                List.of("no-new-privileges"), 64L << 20, 128L << 20, 500_000_000L, 0, 0, 0, 50L,
                List.of(new HostConfig.Ulimit("nofile", 10, 20)), true, List.of("db:10.0.0.5"), List.of("10.0.0.1"),
                List.of("example.org"), List.of("ndots:2"),
                List.of(new HostConfig.DeviceMapping("/dev/fuse", "/dev/fuse", "rwm")),
                Map.of("80/tcp", List.of(new HostConfig.PortMapping("127.0.0.1", "8080"))), true);
        ContainerInspect inspect = new ContainerInspect("id1", "2026-11-30T15:00:00Z", "sh", List.of("-c", "true"),
                new ContainerState("running", true, false, false, false, false, 42, 0, "", "t0", "t1"), "sha256:1",
                "/r", "/h", "/hosts", "/log", "/name", 2, "overlay", "linux", "", "", "", null, host,
                new ContainerInspect.GraphDriver("overlay", Map.of("MergedDir", "/m")), 10L, 1010L,
                List.of(new MountPoint("bind", "/src", "/dst", "ro", false, "rprivate")), config,
                new NetworkSettings("/run/netns/x", Map.of(), "10.1.0.2", 24, "10.1.0.1", "02:42:0a:01:00:02",
                        Map.of("bridge", new EndpointSettings("10.1.0.2", 24, "10.1.0.1", "02:42:0a:01:00:02"))));
        roundTrips(inspect, ContainerInspect.class);
    }

    @Test
    void containerSummaryWithAndWithoutSize() throws Exception {
        for (Long size : new Long[] {null, 4096L}) {
            roundTrips(new ContainerSummary("id1", List.of("/web"), "busybox", "sha256:1", "sh", 1700000000L,
                    List.of(), size, size == null ? null : size + 1000, Map.of("a", "b"), "exited", "Exited (0) 1 second ago",
                    new ContainerSummary.SummaryHostConfig("none"),
                    new ContainerSummary.SummaryNetworkSettings(Map.of()), List.of()), ContainerSummary.class);
        }
    }

    @Test
    void smallAnswers() throws Exception {
        roundTrips(new CreateResponse("id1", List.of()), CreateResponse.class);
        roundTrips(new ContainerChange("/tmp/x", 1), ContainerChange.class);
        roundTrips(new WaitResponse(3, null), WaitResponse.class);
        roundTrips(new WaitResponse(0, new WaitResponse.WaitError("gone")), WaitResponse.class);
        roundTrips(new ErrorResponse("No such container: x"), ErrorResponse.class);
        roundTrips(new ImageSummary("sha256:1", "", List.of("busybox:latest"), List.of(), 1L, 2L, -1L, 2L, Map.of(),
                -1L), ImageSummary.class);
    }
}
