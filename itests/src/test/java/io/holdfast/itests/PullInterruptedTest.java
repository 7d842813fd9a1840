package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.HoldingProxy;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pull cut by an engine {@code kill -9} while it downloads a layer, then repeated (issue 13). A proxy between the
 * engine and the real registry sends the first MiB of an 8 MiB layer and then holds, so the engine is known to be
 * mid-blob when it is killed. After the restart the partial blob counts for nothing (no image, no blob of that
 * digest, no temporary file of the store); the repeated pull asks for the rest with {@code Range}, and the image runs
 * with the layer's content intact.
 */
@ExtendWith(EngineExtension.class)
class PullInterruptedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HELD_BYTES = 1 << 20;
    private static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json, "
            + "application/vnd.docker.distribution.manifest.v2+json";

    @Test
    void aPullKilledMidLayerLeavesNothingAndTheRepeatedPullResumesIt(@EngineSetup(busybox = false) Engine engine)
            throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        Path big = Files.createDirectories(work.resolve("big"));
        byte[] random = new byte[8 << 20]; // incompressible, so the layer stays 8 MiB
        new Random(13).nextBytes(random);
        Files.write(big.resolve("big.bin"), random);
        String base = archive.layer(work.resolve("busybox-rootfs"));
        archive.image("hf-big:1", List.of(base, archive.layer(big)),
                Map.of("Cmd", List.of("sha256sum", "/big.bin"), "Env", List.of("PATH=/bin")));
        engine.cli().ok("load", "-i", archive.write("big.tar").toString());

        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(engine.root().resolve("registry")));
             HoldingProxy proxy = HoldingProxy.start(registry.host());
             Engine fresh = new Engine()) {
            engine.cli().ok("image", "tag", "hf-big:1", registry.host() + "/hf/big:1");
            engine.cli().ok("push", registry.host() + "/hf/big:1");
            JsonNode layer = JSON.readTree(registry.request("GET", "/v2/hf/big/manifests/1", null, null, ACCEPT)
                    .body()).path("layers").get(1);
            String digest = layer.path("digest").asText();
            String hex = digest.substring("sha256:".length());
            assertTrue(layer.path("size").asLong() > 4L * HELD_BYTES, layer.toString());

            fresh.start();
            String image = proxy.host() + "/hf/big:1";
            proxy.holdBlob(digest, HELD_BYTES);
            Cli cli = fresh.cli();
            CompletableFuture<Cli.Result> cut = CompletableFuture.supplyAsync(() -> {
                try {
                    return cli.run("pull", image);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            proxy.awaitHolding(Duration.ofMinutes(2));
            Path partial = fresh.dataRoot().resolve("registry/partial/sha256-" + hex);
            Await.until("the engine has written the first MiB of the layer to " + partial, Duration.ofMinutes(1),
                    () -> Files.exists(partial) && Files.size(partial) == HELD_BYTES);
            fresh.kill9();
            Cli.Result interrupted = cut.get(2, TimeUnit.MINUTES);
            assertNotEquals(0, interrupted.exitCode(), "the pull's client saw the engine go: " + interrupted);
            proxy.release();

            fresh.start();
            Path blobs = fresh.dataRoot().resolve("images/blobs");
            assertEquals(404, fresh.api().request("GET", "/images/" + image + "/json").status(),
                    "an interrupted pull is no image");
            assertFalse(Files.exists(blobs.resolve("sha256/" + hex)), "a partial blob never counts as present");
            assertEquals(List.of(), temporaryFiles(blobs), "the store's temporary files are swept at start");
            assertEquals(HELD_BYTES, Files.size(partial), "the partial download is kept to resume from");

            String pulled = cli.ok("pull", image);
            assertTrue(pulled.contains("Downloaded newer image for " + image), pulled);
            assertTrue(proxy.requests().contains("GET /v2/hf/big/blobs/" + digest + " Range: bytes=" + HELD_BYTES
                    + "-"), "the repeated pull resumes from the partial file: " + proxy.requests());
            assertTrue(Files.isRegularFile(blobs.resolve("sha256/" + hex)));
            assertFalse(Files.exists(partial), "the partial file became the blob");
            assertEquals(List.of(), temporaryFiles(blobs));

            String expected = ImageArchiveBuilder.sha256(random);
            assertEquals(expected + "  /big.bin", cli.ok("run", "--rm", image).strip(),
                    "the resumed layer's content reaches the container intact");
        }
    }

    /** The content store's temporary files and directories (blobs, layers, image work directories): {@code tmp-*}. */
    private static List<Path> temporaryFiles(Path blobs) throws Exception {
        try (Stream<Path> entries = Files.walk(blobs.getParent(), 2)) { // images/, blobs/, layers/
            return entries.filter(p -> p.getFileName().toString().startsWith("tmp-")).toList();
        }
    }
}
