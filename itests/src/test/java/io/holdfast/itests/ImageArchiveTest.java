package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.ImageArchiveBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Images made of layers, end to end: a {@code docker save} archive the test builds (two images on one busybox base
 * layer) loaded by the real docker CLI, stored once per layer, run with the image's own Entrypoint, Cmd, Env,
 * WorkingDir and User (asserted from inside), kept across an engine {@code kill -9}; saved and loaded into a fresh
 * engine with the Docker SDK under the same id; an OCI archive made by skopeo; a tampered archive refused.
 */
@ExtendWith(EngineExtension.class)
class ImageArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void loadedLayeredImagesShareTheirBaseRunWithTheirConfigAndSurviveAKill(
            @EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work); // fills work/busybox-rootfs
        Path base = work.resolve("busybox-rootfs");
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1234:1234::/srv:/bin/sh\n");
        Files.writeString(base.resolve("etc/group"), "root:x:0:\napp:x:1234:\n");
        Files.writeString(base.resolve("etc/motd"), "from the base\n");
        Path a = Files.createDirectories(work.resolve("a"));
        Files.createDirectories(a.resolve("srv"));
        Files.writeString(a.resolve("srv/a.txt"), "layer a\n");
        Files.createDirectories(a.resolve("etc"));
        Files.writeString(a.resolve("etc/.wh.motd"), "");
        Path b = Files.createDirectories(work.resolve("b"));
        Files.writeString(b.resolve("b.txt"), "layer b\n");

        String baseLayer = archive.layer(base);
        String idA = archive.image("hf-layers-a:1", List.of(baseLayer, archive.layer(a)), Map.of(
                "Entrypoint", List.of("/bin/sh", "-c"),
                "Cmd", List.of("echo user=$(id -u) dir=$(pwd) greeting=$GREETING; cat /srv/a.txt; "
                        + "test -e /etc/motd && echo motd || echo nomotd; sleep 100000"),
                "Env", List.of("PATH=/bin", "GREETING=hello"),
                "WorkingDir", "/srv",
                "User", "app",
                "ExposedPorts", Map.of("80/tcp", Map.of()),
                "Labels", Map.of("org.example", "a")));
        String idB = archive.image("hf-layers-b:1", List.of(baseLayer, archive.layer(b)), Map.of(
                "Cmd", List.of("cat", "/b.txt", "/etc/motd"), "Env", List.of("PATH=/bin")));
        Path tar = archive.write("two-images.tar");

        DockerCli docker = DockerCli.of(engine);
        String loaded = docker.ok("load", "-i", tar.toString());
        assertTrue(loaded.contains("Loaded image: hf-layers-a:1") && loaded.contains("Loaded image: hf-layers-b:1"),
                loaded);
        // 3 layers (one shared base), 2 configs, 2 manifests made for them; the base layer unpacked once
        assertEquals(7, count(engine.dataRoot().resolve("images/blobs/sha256")));
        assertEquals(3, count(engine.dataRoot().resolve("images/layers")));

        JsonNode inspect = JSON.readTree(docker.ok("image", "inspect", "hf-layers-a:1")).get(0);
        assertEquals(idA, inspect.path("Id").asText());
        assertEquals(2, inspect.path("RootFS").path("Layers").size(), inspect.toString());
        assertTrue(inspect.path("Config").path("ExposedPorts").has("80/tcp"), inspect.toString());
        assertEquals("amd64", inspect.path("Architecture").asText());

        String runningA = docker.ok("run", "-d", "--name", "hf-layers-a", "hf-layers-a:1").trim();
        String expected = "user=1234 dir=/srv greeting=hello\nlayer a\nnomotd\n";
        awaitLogs(docker, runningA, expected);
        assertEquals("layer b\nfrom the base", docker.ok("run", "--rm", "hf-layers-b:1").trim());

        engine.kill9();
        engine.start();
        assertEquals("true", docker.ok("inspect", "-f", "{{.State.Running}}", runningA).trim());
        assertEquals("layer a", docker.ok("exec", runningA, "cat", "/srv/a.txt").trim());
        assertEquals("nomotd", docker.ok("exec", runningA, "sh", "-c", "test -e /etc/motd && echo motd || echo nomotd")
                .trim());

        // an image a container uses is not deleted; one nobody uses is, and only its own layer goes
        DockerCli.Result refused = docker.run("rmi", "hf-layers-a:1");
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("container"), refused.toString());
        docker.ok("rmi", "hf-layers-b:1");
        assertEquals(2, count(engine.dataRoot().resolve("images/layers")));
        assertEquals("true", docker.ok("inspect", "-f", "{{.State.Running}}", runningA).trim());

        // save, then load into a fresh engine with the Docker SDK: the same image id
        Path saved = work.resolve("saved.tar");
        engine.cli().ok("save", "-o", saved.toString(), "hf-layers-a:1");
        try (Engine fresh = new Engine()) {
            fresh.start();
            String out = DockerSdk.of(fresh).ok("load_image.py", saved.toString());
            assertEquals(List.of(idA), out.lines().filter(l -> l.startsWith("loaded-id "))
                    .map(l -> l.substring("loaded-id ".length()).trim()).toList(), out);
            assertEquals(idA, JSON.readTree(DockerCli.of(fresh).ok("image", "inspect", "hf-layers-a:1")).get(0)
                    .path("Id").asText());
        }
        docker.ok("rm", "-f", runningA);
        assertNotEquals(idA, idB);
    }

    @Test
    void anOciArchiveFromSkopeoLoadsAndRuns(@EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        archive.image("hf-oci-src:1", List.of(archive.layer(work.resolve("busybox-rootfs"))), Map.of(
                "Cmd", List.of("sh", "-c", "echo oci $MARK"), "Env", List.of("PATH=/bin", "MARK=yes")));
        Path dockerArchive = archive.write("src.tar");
        Path oci = work.resolve("oci.tar");
        Process skopeo = new ProcessBuilder("skopeo", "--insecure-policy", "copy", "docker-archive:" + dockerArchive,
                "oci-archive:" + oci + ":hf-oci:2").inheritIO().start();
        assertEquals(0, skopeo.waitFor(), "skopeo copy");
        Cli cli = engine.cli();
        String loaded = cli.ok("load", "-i", oci.toString()).trim();
        assertTrue(loaded.endsWith("\nLoaded image: hf-oci:2") && loaded.contains(": Loading layer"), loaded);
        assertEquals("oci yes", DockerCli.of(engine).ok("run", "--rm", "hf-oci:2").trim());
    }

    @Test
    void aTamperedLayerIsRefusedAndLeavesNothing(@EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        Path dir = Files.createDirectories(work.resolve("content"));
        Files.writeString(dir.resolve("file"), "original\n");
        String layer = archive.layer(dir);
        archive.image("hf-tampered:1", List.of(layer), Map.of());
        // same length, other bytes: the layer's digest is no longer the config's diff id
        Path layerTar = archive.dir().resolve(layer);
        byte[] bytes = Files.readAllBytes(layerTar);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("original", "tampered");
        Files.write(layerTar, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path tar = archive.write("tampered.tar");

        Cli.Result result = engine.cli().run("load", "-i", tar.toString());
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.err().contains("diff"), result.toString());
        assertEquals("", DockerCli.of(engine).ok("images", "-q"));
        assertEquals(0, count(engine.dataRoot().resolve("images/layers")));
        try (Stream<Path> walk = Files.walk(engine.dataRoot().resolve("images"))) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().startsWith("tmp-")).toList());
        }
    }

    @Test
    void aContainerWhoseLayerVanishedWhileTheEngineWasDownNeedsAttentionNamingIt(
            @EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        Path top = Files.createDirectories(work.resolve("top"));
        Files.writeString(top.resolve("top.txt"), "top\n");
        archive.image("hf-vanish:1", List.of(archive.layer(work.resolve("busybox-rootfs")), archive.layer(top)),
                Map.of("Cmd", List.of("sleep", "100000"), "Env", List.of("PATH=/bin")));
        engine.cli().ok("load", "-i", archive.write("vanish.tar").toString());
        String id = engine.cli().ok("run", "-d", "hf-vanish:1").trim();
        JsonNode image = JSON.readTree(DockerCli.of(engine).ok("image", "inspect", "hf-vanish:1")).get(0);
        assertEquals(2, image.path("RootFS").path("Layers").size());

        engine.kill9();
        // the operator's mistake while the engine is down: the top layer's directory is moved away
        Path layers = engine.dataRoot().resolve("images/layers");
        Path gone;
        try (Stream<Path> entries = Files.list(layers)) {
            gone = entries.filter(p -> Files.exists(p.resolve("diff/top.txt"))).findFirst().orElseThrow();
        }
        Path aside = Files.move(gone, engine.root().resolve("moved-layer"));
        engine.start();
        io.holdfast.itests.support.RestoreReportJson report =
                io.holdfast.itests.support.RestoreReportJson.report(engine.api());
        assertEquals("needs-attention", report.outcome(id), report.toString());
        assertTrue(report.detail(id).contains(gone.resolve("diff").toString()), report.detail(id));
        long pid = engine.api().pid(id);
        assertTrue(Await.alive(pid), "left running, untouched");

        Files.move(aside, gone); // put back, so the engine's cleanup removes everything as usual
        engine.cli().ok("system", "stop", id, "-t", "1");
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("tmp-")).count();
        }
    }

    /** Waits for the container's whole expected output (it writes it once, then sleeps). */
    private static void awaitLogs(DockerCli docker, String id, String expected) throws Exception {
        try {
            Await.until("the container's output " + expected, java.time.Duration.ofSeconds(30),
                    () -> docker.ok("logs", id).equals(expected.trim()));
        } catch (AssertionError | IllegalStateException e) {
            throw new AssertionError("the container printed " + docker.run("logs", id) + "; state "
                    + docker.run("inspect", "-f", "{{json .State}}", id), e);
        }
    }
}
