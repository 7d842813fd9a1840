package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pull and push with a real registry (Debian's docker-registry on 127.0.0.1): two images on one base layer, loaded
 * into one engine and pushed with {@code holdfast push} (the second push finds the base there already), then pulled
 * into a fresh engine by the docker CLI and the Docker SDK (the base stored once), by digest, and from a
 * multi-platform index by {@code --platform}; a tampered blob is refused and leaves no image; a container of a
 * pulled image survives an engine {@code kill -9} and the image is still there after the restore.
 */
@ExtendWith(EngineExtension.class)
class RegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PUSHED = Pattern.compile("(\\w+): digest: (sha256:[0-9a-f]{64}) size: (\\d+)");
    private static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json, "
            + "application/vnd.docker.distribution.manifest.v2+json";

    @Test
    void pushedImagesPullIntoAFreshEngineByTagDigestAndPlatformAndSurviveAKill(
            @EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        Path a = Files.createDirectories(work.resolve("a"));
        Files.writeString(a.resolve("a.txt"), "layer a\n");
        Path b = Files.createDirectories(work.resolve("b"));
        Files.writeString(b.resolve("b.txt"), "layer b\n");
        String base = archive.layer(work.resolve("busybox-rootfs"));
        String idA = archive.image("hf-reg-a:1", List.of(base, archive.layer(a)),
                Map.of("Cmd", List.of("cat", "/a.txt"), "Env", List.of("PATH=/bin")));
        String idB = archive.image("hf-reg-b:1", List.of(base, archive.layer(b)),
                Map.of("Cmd", List.of("cat", "/b.txt"), "Env", List.of("PATH=/bin")));
        Cli cli = engine.cli();
        cli.ok("load", "-i", archive.write("two.tar").toString());

        try (LocalRegistry registry = LocalRegistry.start(
                Files.createDirectories(engine.root().resolve("registry")))) {
            String repo = registry.host() + "/hf/app";
            cli.ok("image", "tag", "hf-reg-a:1", repo + ":a");
            cli.ok("image", "tag", "hf-reg-b:1", repo + ":b");
            String pushA = cli.ok("push", repo + ":a");
            assertTrue(pushA.contains("Pushed"), pushA);
            String pushB = cli.ok("push", repo + ":b");
            assertTrue(pushB.contains("Layer already exists"), "the shared base is not sent twice: " + pushB);
            Matcher ma = match(pushA);
            Matcher mb = match(pushB);
            String digestA = ma.group(2);

            // a multi-platform index over the two: amd64 -> a, arm64 -> b
            String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                    + "\"manifests\":[" + entry(registry, "a", ma.group(2), ma.group(3), "amd64") + ","
                    + entry(registry, "b", mb.group(2), mb.group(3), "arm64") + "]}";
            assertEquals(201, registry.request("PUT", "/v2/hf/app/manifests/multi",
                    "application/vnd.oci.image.index.v1+json", index.getBytes(StandardCharsets.UTF_8)).statusCode());

            try (Engine fresh = new Engine()) {
                fresh.start();
                DockerCli docker = DockerCli.of(fresh);

                // a tampered layer is refused and leaves no image
                JsonNode manifestB = JSON.readTree(registry.request("GET", "/v2/hf/app/manifests/b", null, null,
                        ACCEPT).body());
                Path blob = registry.blobData(manifestB.path("layers").get(1).path("digest").asText());
                byte[] original = Files.readAllBytes(blob);
                byte[] tampered = original.clone();
                tampered[tampered.length / 2] ^= 1;
                Files.write(blob, tampered);
                DockerCli.Result refused = docker.run("pull", repo + ":b");
                assertNotEquals(0, refused.exitCode(), refused.toString());
                assertTrue(refused.err().contains("failed verification"), refused.toString());
                assertNotEquals(0, docker.run("image", "inspect", repo + ":b").exitCode());
                Files.write(blob, original);

                // the docker CLI pulls by tag, the SDK the second image, whose base is there already
                String pulled = docker.ok("pull", repo + ":a");
                assertTrue(pulled.contains("Downloaded newer image for " + repo + ":a"), pulled);
                assertEquals(idA, id(docker, repo + ":a"));
                assertEquals(idB, DockerSdk.of(fresh).ok("pull_image.py", repo, "b").trim());
                assertEquals(3, count(fresh.dataRoot().resolve("images/layers")), "base, a and b, base once");

                // by digest, and by platform from the index
                String byDigest = fresh.cli().ok("pull", repo + "@" + digestA);
                assertTrue(byDigest.contains("Digest: " + digestA), byDigest);
                fresh.cli().ok("pull", "--platform", "linux/arm64", repo + ":multi");
                assertEquals(idB, id(docker, repo + ":multi"));
                fresh.cli().ok("pull", "--platform", "linux/amd64", repo + ":multi");
                assertEquals(idA, id(docker, repo + ":multi"));
                Cli.Result noSuch = fresh.cli().run("pull", "--platform", "linux/s390x", repo + ":multi");
                assertNotEquals(0, noSuch.exitCode(), noSuch.toString());
                assertTrue(noSuch.err().contains("linux/s390x"), noSuch.toString());

                // a container of a pulled image outlives the engine; the image is still there after the restore
                String container = docker.ok("run", "-d", repo + ":a", "sh", "-c", "cat /a.txt; sleep 100000").trim();
                assertEquals("layer a", docker.ok("exec", container, "cat", "/a.txt").strip());
                fresh.kill9();
                fresh.start();
                assertEquals("true", docker.ok("inspect", "-f", "{{.State.Running}}", container).trim());
                assertEquals("layer a", docker.ok("exec", container, "cat", "/a.txt").strip());
                String again = docker.ok("pull", repo + ":a");
                assertTrue(again.contains("Image is up to date"), again);
                docker.ok("rm", "-f", container);
            }
        }
    }

    private static Matcher match(String pushOutput) {
        Matcher m = PUSHED.matcher(pushOutput);
        assertTrue(m.find(), "push prints tag: digest: ... size: ...: " + pushOutput);
        return m;
    }

    private static String entry(LocalRegistry registry, String tag, String digest, String size, String arch)
            throws Exception {
        String mediaType = registry.request("GET", "/v2/hf/app/manifests/" + tag, null, null, ACCEPT).headers()
                .firstValue("Content-Type").orElseThrow();
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size
                + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\"}}";
    }

    private static String id(DockerCli docker, String ref) throws Exception {
        return JSON.readTree(docker.ok("image", "inspect", ref)).get(0).path("Id").asText();
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }
}
