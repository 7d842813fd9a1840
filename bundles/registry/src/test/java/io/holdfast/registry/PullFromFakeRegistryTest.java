package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullFromFakeRegistryTest {
    private static final RegistryCredentials ALICE =
            new RegistryCredentials(FakeRegistry.USER, FakeRegistry.PASSWORD, "");

    @TempDir
    Path dir;
    private FakeRegistry registry;
    private DirectorySink sink;
    private final List<ProgressEvent> events = new ArrayList<>();
    private byte[] layer;
    private String layerDigest;
    private String manifestDigest;

    @BeforeEach
    void seed() throws Exception {
        registry = new FakeRegistry();
        sink = new DirectorySink(dir);
        layer = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(layer);
        layerDigest = Digests.sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"sha256:" + "0".repeat(64) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        registry.blobs.put(layerDigest, layer);
        registry.blobs.put(Digests.sha256(config), config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
                + "\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + Digests.sha256(config)
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP
                + "\",\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        manifestDigest = Digests.sha256(manifest);
        registry.manifests.put("v1", manifest);
        registry.manifests.put(manifestDigest, manifest);
        registry.manifestTypes.put("v1", MediaTypes.OCI_MANIFEST);
        registry.manifestTypes.put(manifestDigest, MediaTypes.OCI_MANIFEST);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private PulledImage pull(String reference, RegistryCredentials credentials) {
        return new RegistryClient(new RegistryEndpoints(List.of()), java.time.Duration.ofSeconds(2)).pull(
                RegistryReference.parse(registry.domain() + "/" + reference), Platform.parse("linux/amd64"),
                credentials, sink, events::add);
    }

    @Test
    void pullsByTagWithATokenFromTheBearerRealm() throws Exception {
        PulledImage image = pull("team/app:v1", ALICE);
        assertEquals(manifestDigest, image.digest());
        assertArrayEquals(layer, Files.readAllBytes(sink.blobFile(layerDigest)));
        assertEquals(1, registry.tokenRequests.get(), "one token serves the whole pull");
        assertTrue(events.stream().anyMatch(e -> e.status().equals("Download complete")), events.toString());
    }

    @Test
    void basicAuthSendsTheCredentialsAndRefusesAnonymousByName() {
        registry.basicAuth = true;
        RegistryException e = assertThrows(RegistryException.class, () -> pull("team/app:v1",
                RegistryCredentials.ANONYMOUS));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("no credentials for " + registry.domain()), e.getMessage());
        RegistryException wrong = assertThrows(RegistryException.class, () -> pull("team/app:v1",
                new RegistryCredentials(FakeRegistry.USER, "wrong", "")));
        assertTrue(wrong.getMessage().contains("refused the credentials of user alice"), wrong.getMessage());
        assertEquals(manifestDigest, pull("team/app:v1", ALICE).digest());
        assertEquals(0, registry.tokenRequests.get());
    }

    @Test
    void pullsByDigest() {
        assertEquals(manifestDigest, pull("team/app@" + manifestDigest, ALICE).digest());
        assertTrue(sink.has(layerDigest));
    }

    @Test
    void anonymousIsRefusedByTheTokenServiceWithASentence() {
        RegistryException e = assertThrows(RegistryException.class, () -> pull("team/app:v1",
                RegistryCredentials.ANONYMOUS));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("unauthorized"), e.getMessage());
    }

    @Test
    void anUnknownTagIsNotFound() {
        RegistryException e = assertThrows(RegistryException.class, () -> pull("team/app:v9", ALICE));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("MANIFEST_UNKNOWN"), e.getMessage());
    }

    @Test
    void aDownloadThatStallsIsCutAndResumedWithARange() {
        registry.cutFirstBlobDownloadAfter = 1024 * 1024 + 17;
        pull("team/app:v1", ALICE);
        assertEquals(List.of("bytes=" + (1024 * 1024 + 17) + "-"), registry.rangeRequests);
        assertTrue(sink.has(layerDigest));
    }

    @Test
    void twoPullsOfOneLayerDownloadItOnceTheSecondWaits() throws Exception {
        int cut = 1024 * 1024 + 17;
        registry.cutFirstBlobDownloadAfter = cut; // the first pull stalls mid-layer, holding the layer's lock
        java.util.concurrent.CompletableFuture<PulledImage> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> pull("team/app:v1", ALICE));
        Path partial = sink.partial(layerDigest);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(partial) && Files.size(partial) == cut)) {
            assertTrue(System.nanoTime() < deadline, "the first pull never wrote its first " + cut + " bytes");
            Thread.sleep(5);
        }
        List<ProgressEvent> secondEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        PulledImage second = new RegistryClient(new RegistryEndpoints(List.of()), java.time.Duration.ofSeconds(2))
                .pull(RegistryReference.parse(registry.domain() + "/team/app:v1"), Platform.parse("linux/amd64"),
                        ALICE, sink, secondEvents::add);
        assertEquals(manifestDigest, second.digest());
        assertEquals(manifestDigest, first.get().digest());
        assertEquals(List.of("bytes=" + cut + "-"), registry.rangeRequests,
                "only the first pull resumed its stalled download; the second fetched nothing");
        assertTrue(secondEvents.stream().anyMatch(e -> e.status().equals("Waiting"))
                && secondEvents.stream().noneMatch(e -> e.status().equals("Downloading")), secondEvents.toString());
        assertArrayEquals(layer, Files.readAllBytes(sink.blobFile(layerDigest)));
    }

    @Test
    void aPartialLeftByAKilledEngineIsResumedNotTrusted() throws Exception {
        Files.write(sink.partial(layerDigest), java.util.Arrays.copyOf(layer, 5000));
        assertFalse(sink.has(layerDigest), "a partial blob never counts as present");
        pull("team/app:v1", ALICE);
        assertEquals(List.of("bytes=5000-"), registry.rangeRequests);
        assertArrayEquals(layer, Files.readAllBytes(sink.blobFile(layerDigest)));
    }

    @Test
    void aTamperedBlobIsRefusedAndLeavesNothing() throws Exception {
        byte[] bad = layer.clone();
        bad[100] ^= 1;
        registry.tampered.put(layerDigest, bad);
        RegistryException e = assertThrows(RegistryException.class, () -> pull("team/app:v1", ALICE));
        assertTrue(e.getMessage().contains("failed verification"), e.getMessage());
        assertFalse(sink.has(layerDigest));
        assertFalse(Files.exists(sink.partial(layerDigest)));
    }

    @Test
    void aTamperedManifestByDigestIsRefused() {
        byte[] other = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        registry.manifests.put(manifestDigest, other);
        registry.manifestTypes.put(manifestDigest, MediaTypes.OCI_INDEX);
        RegistryException e = assertThrows(RegistryException.class,
                () -> pull("team/app@" + manifestDigest, ALICE));
        assertTrue(e.getMessage().contains("failed verification"), e.getMessage());
    }
}
