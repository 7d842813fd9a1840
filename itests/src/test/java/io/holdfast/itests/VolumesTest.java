package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Volumes with real containers across an engine SIGKILL: a named volume's data outlives its container and the
 * engine; a tmpfs volume stays mounted, the very same mount, while the engine is down and after; anonymous volumes
 * go with {@code rm -v} and stay without; {@code --volumes-from} shares them. Every mount a test makes lies under
 * the engine's root, which the extension unmounts and deletes even when a test fails.
 */
@ExtendWith(EngineExtension.class)
class VolumesTest {
    private static String mountLine(Path point) throws Exception {
        return Files.readString(Path.of("/proc/self/mountinfo")).lines()
                .filter(l -> l.split(" ")[4].equals(point.toString())).findFirst().orElse("");
    }

    private static JsonNode volumeMount(Api api, String ref, String destination) throws Exception {
        for (JsonNode mount : api.inspect(ref).path("Mounts")) {
            if (mount.path("Destination").asText().equals(destination)) {
                return mount;
            }
        }
        throw new AssertionError("no mount at " + destination + " in " + api.inspect(ref).path("Mounts"));
    }

    @Test
    void aNamedVolumesFileIsThereForANewContainerAfterTheFirstWasRemovedAndTheEngineKilled(Engine engine, Cli cli,
                                                                                         Api api) throws Exception {
        String volume = "vt-named-" + System.nanoTime();
        String writer = cli.ok("create", "-v", volume + ":/data", "busybox", "sh", "-c", "echo kept > /data/f");
        JsonNode mount = volumeMount(api, writer, "/data");
        assertEquals("volume", mount.path("Type").asText());
        assertEquals(volume, mount.path("Name").asText());
        assertEquals("local", mount.path("Driver").asText());
        Path data = engine.dataRoot().resolve("volumes").resolve(volume).resolve("_data");
        assertEquals(data.toString(), mount.path("Source").asText());
        cli.ok("start", writer);
        assertEquals("0", cli.ok("wait", writer));
        cli.ok("rm", writer);

        engine.kill9();
        engine.start();

        assertEquals("kept", cli.ok("run", "--name", volume + "-reader", "-v", volume + ":/data:ro", "busybox",
                "cat", "/data/f"));
        Api.Response refused = api.request("DELETE", "/volumes/" + volume);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("volume is in use"), refused.body());
        Cli.Result byCli = cli.run("volume", "rm", volume);
        assertTrue(byCli.exitCode() != 0 && byCli.err().contains("volume is in use"), byCli.toString());
        assertTrue(Files.exists(data.resolve("f")), "a volume in use is kept");

        cli.ok("rm", volume + "-reader");
        assertEquals(volume, cli.ok("volume", "rm", volume));
        assertFalse(Files.exists(data.getParent()), "its data is gone with it");
        assertEquals(404, api.request("GET", "/volumes/" + volume).status());
    }

    @Test
    void aTmpfsVolumeIsMountedAtFirstUseAndTheSameMountIsKeptAcrossAnEngineKill(Engine engine, Cli cli, Api api)
            throws Exception {
        String volume = "vt-tmpfs-" + System.nanoTime();
        Api.Response created = api.post("/volumes/create", Map.of("Name", volume, "Labels", Map.of("purpose", "scratch"),
                "DriverOpts", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=8m")));
        assertEquals(201, created.status(), created.body());
        Path data = engine.dataRoot().resolve("volumes").resolve(volume).resolve("_data");
        assertEquals("", mountLine(data), "not mounted before its first use");

        String id = cli.ok("run", "-d", "-v", volume + ":/scratch", "busybox", "sh", "-c",
                "echo in-tmpfs > /scratch/f; sleep 1000");
        Await.until("the container to write into the volume", Duration.ofSeconds(60),
                () -> Files.exists(data.resolve("f")));
        String line = mountLine(data);
        assertTrue(line.contains(" - tmpfs ") && line.contains("size=8192k"), line);
        long pid = api.pid(id);

        engine.kill9();
        assertEquals(line, mountLine(data), "the engine's death unmounts nothing");
        engine.start();

        assertEquals(pid, api.pid(id));
        assertEquals(line, mountLine(data), "the restore re-uses the mount, never remounts it");
        assertEquals("in-tmpfs", cli.ok("exec", id, "cat", "/scratch/f"));
        JsonNode inspected = api.request("GET", "/volumes/" + volume).json();
        assertEquals("scratch", inspected.path("Labels").path("purpose").asText());
        assertEquals("tmpfs", inspected.path("Options").path("type").asText());

        cli.ok("rm", "-f", id);
        cli.ok("volume", "rm", volume);
        assertEquals("", mountLine(data), "unmounted when removed");
        assertFalse(Files.exists(data.getParent()));
    }

    @Test
    void anonymousVolumesGoWithRmVAndStayWithout(Engine engine, Cli cli, Api api) throws Exception {
        String with = cli.ok("run", "-d", "-v", "/anon", "busybox", "sleep", "1000");
        String without = cli.ok("run", "-d", "-v", "/anon", "busybox", "sleep", "1000");
        String withVolume = volumeMount(api, with, "/anon").path("Name").asText();
        String keptVolume = volumeMount(api, without, "/anon").path("Name").asText();
        assertTrue(withVolume.matches("[0-9a-f]{64}"), withVolume);
        assertTrue(api.request("GET", "/volumes/" + keptVolume).json().path("Labels")
                .has("com.docker.volume.anonymous"));

        engine.kill9();
        engine.start();

        cli.ok("rm", "-f", "-v", with);
        cli.ok("rm", "-f", without);
        assertEquals(404, api.request("GET", "/volumes/" + withVolume).status(), "removed with rm -v");
        assertEquals(200, api.request("GET", "/volumes/" + keptVolume).status(), "kept without -v");
        String dangling = cli.ok("volume", "ls", "-q", "--filter", "dangling=true");
        assertTrue(dangling.lines().anyMatch(keptVolume::equals), dangling);
        String pruned = cli.ok("volume", "prune", "-f");
        assertTrue(pruned.contains(keptVolume), pruned);
        assertEquals(404, api.request("GET", "/volumes/" + keptVolume).status());
    }

    @Test
    void anImagesVolumeGivesEachContainerAnAnonymousVolumeThatOutlivesAnEngineKill(Engine engine, Cli cli, Api api)
            throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String image = "vol-image-" + Long.toHexString(System.nanoTime());
        docker.ok("import", "--change", "VOLUME /data", BusyboxImage.tarball(
                Files.createDirectories(engine.root().resolve("vol-image"))).toString(), image);
        assertTrue(docker.ok("image", "inspect", "--format", "{{json .Config.Volumes}}", image).contains("\"/data\""));
        String id = cli.ok("run", "-d", image, "sh", "-c", "echo kept > /data/f; sleep 1000");
        JsonNode mount = volumeMount(api, id, "/data");
        String volume = mount.path("Name").asText();
        assertEquals("volume", mount.path("Type").asText(), mount.toString());
        assertTrue(volume.matches("[0-9a-f]{64}"), volume);
        String named = cli.ok("run", "-d", "-v", "vol-image-named:/data", image, "sleep", "1000");
        assertEquals("vol-image-named", volumeMount(api, named, "/data").path("Name").asText(),
                "a volume the create mounts there replaces the image's");

        engine.kill9();
        engine.start();

        Await.until("the file in the image's volume", Duration.ofSeconds(30),
                () -> cli.run("exec", id, "cat", "/data/f").out().strip().equals("kept"));
        assertEquals(volume, volumeMount(api, id, "/data").path("Name").asText(), "the same volume after restore");
        cli.ok("rm", "-f", "-v", id);
        cli.ok("rm", "-f", named);
        assertEquals(404, api.request("GET", "/volumes/" + volume).status(), "removed with rm -v, as anonymous");
        docker.ok("volume", "rm", "vol-image-named");
        docker.ok("rmi", image);
    }

    @Test
    void anEmptyVolumeReceivesTheImagesContentOnceAndNocopyKeepsItEmpty(Engine engine, Cli cli, Api api)
            throws Exception {
        Path dir = Files.createDirectories(engine.root().resolve("site-image"));
        Path site = Files.createDirectories(dir.resolve("busybox-rootfs/srv/site"));
        Files.writeString(site.resolve("index.html"), "from the image\n");
        Files.setPosixFilePermissions(site, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        String image = "site-image-" + Long.toHexString(System.nanoTime());
        DockerCli.of(engine).ok("import", "--change", "VOLUME /srv/site", BusyboxImage.tarball(dir).toString(),
                image);
        String volume = "site-" + Long.toHexString(System.nanoTime());

        String first = cli.ok("run", "-d", "-v", volume + ":/srv/site", image, "sleep", "1000");
        assertEquals("from the image", cli.ok("exec", first, "cat", "/srv/site/index.html"));
        assertEquals("750", cli.ok("exec", first, "stat", "-c", "%a", "/srv/site"), "the directory's mode came too");
        cli.ok("exec", first, "sh", "-c", "echo changed > /srv/site/index.html");
        String anonymous = cli.ok("run", "-d", image, "sleep", "1000");
        assertEquals("from the image", cli.ok("exec", anonymous, "cat", "/srv/site/index.html"),
                "the image's own VOLUME is filled the same way");
        String empty = cli.ok("run", "-d", "-v", volume + "-nocopy:/srv/site:nocopy", image, "sleep", "1000");
        assertEquals("", cli.ok("exec", empty, "ls", "-A", "/srv/site"), "nocopy: nothing copied");

        engine.kill9();
        engine.start();

        cli.ok("rm", "-f", first);
        String second = cli.ok("run", "-d", "-v", volume + ":/srv/site", image, "sleep", "1000");
        assertEquals("changed", cli.ok("exec", second, "cat", "/srv/site/index.html"),
                "a volume that holds anything is never filled again");
        cli.ok("rm", "-f", "-v", second, anonymous, empty);
        cli.ok("volume", "rm", volume, volume + "-nocopy");
        cli.ok("image", "rm", image);
    }

    @Test
    void volumesFromSharesAnotherContainersVolumes(Engine engine, Cli cli, Api api) throws Exception {
        String volume = "vt-shared-" + System.nanoTime();
        String source = cli.ok("run", "-d", "--name", volume + "-src", "-v", volume + ":/shared", "busybox", "sh",
                "-c", "echo shared > /shared/f; sleep 1000");
        Await.until("the source container to write", Duration.ofSeconds(60), () -> Files.exists(
                engine.dataRoot().resolve("volumes").resolve(volume).resolve("_data").resolve("f")));

        engine.kill9();
        engine.start();

        String reader = cli.ok("create", "--volumes-from", volume + "-src:ro", "busybox", "sh", "-c",
                "cat /shared/f; echo no >> /shared/f");
        JsonNode mount = volumeMount(api, reader, "/shared");
        assertEquals(volume, mount.path("Name").asText());
        assertFalse(mount.path("RW").asBoolean());
        cli.ok("start", reader);
        assertEquals("1", cli.ok("wait", reader), "read-only through :ro");
        assertTrue(cli.ok("logs", reader).startsWith("shared"));
        cli.ok("rm", "-f", source);
        Api.Response refused = api.request("DELETE", "/volumes/" + volume);
        assertEquals(409, refused.status(), "the reader uses it too: " + refused.body());
        cli.ok("rm", reader);
        assertEquals(204, api.request("DELETE", "/volumes/" + volume).status());
    }

    @Test
    void theDockerCliAndSdkManageVolumesAndTheirDataOutlivesAnEngineKill(Engine engine) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String volume = "vt-docker-" + System.nanoTime();
        assertEquals(volume, docker.ok("volume", "create", "--label", "by=docker", volume));
        assertTrue(docker.ok("volume", "ls", "--format", "{{.Driver}} {{.Name}}").lines()
                .anyMatch(("local " + volume)::equals));
        docker.ok("run", "--name", volume + "-w", "-v", volume + ":/data", "busybox", "sh", "-c",
                "echo from-docker > /data/f");
        docker.ok("rm", volume + "-w");

        engine.kill9();
        engine.start();

        assertEquals("from-docker", docker.ok("run", "--rm", "-v", volume + ":/data", "busybox", "cat", "/data/f"));
        assertEquals("docker", docker.ok("volume", "inspect", "-f", "{{.Labels.by}}", volume));
        assertEquals(volume, docker.ok("volume", "rm", volume));
        assertFalse(docker.ok("volume", "ls", "-q").lines().anyMatch(volume::equals));

        DockerSdk.of(engine).ok("volumes.py", "vt-sdk-" + System.nanoTime());
    }
}
