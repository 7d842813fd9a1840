package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.image.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {
    private static final ImageConfig IMAGE = new ImageConfig(List.of("httpd", "-f"), List.of("/init"),
            List.of("PORT=80", "MODE=prod"), "/www", "www", "SIGUSR1", Map.of("team", "web", "tier", "front"));

    private static ContainerSpec request(List<String> cmd, ProcessOptions process, List<String> env) {
        return new ContainerSpec("c", "img", cmd, env, null, false, null, null, 10, process, null, null, null, null,
                Map.of("tier", "back"), null);
    }

    @Test
    void anEmptyRequestTakesEverythingFromTheImage() {
        ContainerSpec spec = ImageDefaults.apply(request(List.of(), null, List.of("MODE=dev")), IMAGE);
        assertEquals(List.of("/init", "httpd", "-f"), spec.commandLine());
        assertEquals(List.of("PORT=80", "MODE=dev"), spec.env(), "the request's own value wins");
        assertEquals("/www www SIGUSR1", spec.process().workingDir() + " " + spec.process().user() + " "
                + spec.process().stopSignal());
        assertEquals(Map.of("team", "web", "tier", "back"), spec.labels());
    }

    @Test
    void theRequestsCommandReplacesTheImagesAndItsEntrypointDropsBoth() {
        assertEquals(List.of("/init", "sh"), ImageDefaults.apply(request(List.of("sh"), null, List.of()), IMAGE)
                .commandLine());
        ProcessOptions entrypoint = new ProcessOptions(List.of("/bin/echo"), "/tmp", "1000", "", false, List.of());
        ContainerSpec spec = ImageDefaults.apply(request(List.of(), entrypoint, List.of()), IMAGE);
        assertEquals(List.of("/bin/echo"), spec.commandLine());
        assertEquals("/tmp 1000", spec.process().workingDir() + " " + spec.process().user());
    }

    @Test
    void anImageWithoutAConfigLeavesTheRequestAsItIs() {
        ContainerSpec asked = request(List.of("true"), null, List.of("A=1"));
        assertEquals(asked, ImageDefaults.apply(asked, ImageConfig.NONE));
    }

    @Test
    void theImagesExposedPortsJoinTheRequestsForPublishAll() {
        ImageConfig exposing = new ImageConfig(List.of(), List.of(), List.of(), "", "", "", Map.of(), null,
                List.of("80/tcp", "53/udp"));
        var binding = new io.holdfast.spi.container.PortBinding("127.0.0.1", 8080, 80, "tcp");
        ContainerSpec requested = new ContainerSpec("c", "img", List.of(), List.of(), null, false, null, null, 10,
                null, null, null, null, null, null, null, null, null, new io.holdfast.spi.container.PortOptions(
                List.of(binding), List.of("443/tcp"), true));
        var ports = ImageDefaults.apply(requested, exposing).ports();
        assertEquals(List.of("80/tcp", "53/udp", "443/tcp"), ports.exposed());
        assertEquals(List.of(binding, new io.holdfast.spi.container.PortBinding("", 0, 53, "udp"),
                new io.holdfast.spi.container.PortBinding("", 0, 443, "tcp")), ports.toPublish());
    }

    @Test
    void theImagesVolumesBecomeAnonymousVolumesWhereTheRequestMountsNothing() {
        ImageConfig declaring = new ImageConfig(List.of(), List.of(), List.of(), "", "", "", Map.of(), null, null,
                List.of("/data", "/logs/"));
        var named = new io.holdfast.spi.container.MountSpec(io.holdfast.spi.container.MountSpec.Type.VOLUME, "",
                "/data", false, List.of(), io.holdfast.spi.container.MountSpec.Origin.BINDS,
                new io.holdfast.spi.container.MountSpec.VolumeRef("pgdata", ""));
        ContainerSpec requested = new ContainerSpec("c", "img", List.of(), List.of(), null, false, null, null, 10,
                null, null, List.of(named), null, null, null, null, null);
        var mounts = ImageDefaults.apply(requested, declaring).mounts();
        assertEquals(2, mounts.size(), mounts.toString());
        assertEquals(named, mounts.get(0), "the request's volume replaces the image's at /data");
        assertEquals("/logs", mounts.get(1).target());
        assertEquals(io.holdfast.spi.container.MountSpec.Type.VOLUME, mounts.get(1).type());
        assertEquals("", mounts.get(1).volume().name(), "anonymous: named when the container is created");
    }
}
