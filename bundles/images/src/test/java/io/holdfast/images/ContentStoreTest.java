package io.holdfast.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.images.content.Digests;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.StoredImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content store: blobs verified on write, layers unpacked once, whiteouts applied, images from manifests. */
class ContentStoreTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path temp;

    private Path dataRoot;
    private ImageStore store;

    @BeforeEach
    void setUp() throws IOException {
        dataRoot = temp.resolve("data");
        store = new ImageStore(dataRoot);
    }

    @Test
    void aBlobWithTheWrongDigestIsRefusedAndLeavesNothing() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        String wrong = Digests.of("other".getBytes(StandardCharsets.UTF_8));
        EngineException e = assertThrows(EngineException.class,
                () -> store.putBlob(new ByteArrayInputStream(content), wrong));
        assertEquals(Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertEquals(List.of(), files(dataRoot.resolve("images/blobs")));
        assertFalse(store.hasBlob(Digests.of(content)));

        String right = store.putBlob(new ByteArrayInputStream(content), Digests.of(content));
        assertTrue(store.hasBlob(right));
        assertEquals(List.of("sha256/" + Digests.hex(right)), files(dataRoot.resolve("images/blobs")));
    }

    @Test
    void twoImagesOnOneBaseStoreItOnceAndApplyWhiteouts() throws IOException {
        assumeTrue(ROOT, "whiteouts are device nodes: mknod needs root");
        byte[] base = bytes(new TarFixture().dir("etc", 0755).file("etc/passwd", 0644, "root:x:0:0::/:/bin/sh\n")
                .file("etc/motd", 0644, "hi\n").dir("opt", 0755).dir("opt/app", 0755)
                .file("opt/app/old", 0644, "old\n"));
        byte[] top1 = bytes(new TarFixture().dir("etc", 0755).file("etc/.wh.motd", 0644, "")
                .file("etc/hostname", 0644, "one\n"));
        byte[] top2 = bytes(new TarFixture().dir("opt", 0755).dir("opt/app", 0755)
                .file("opt/app/.wh..wh..opq", 0644, "").file("opt/app/new", 0644, "new\n"));

        ImageRecord one = register(List.of(base, top1), "{\"Cmd\":[\"sh\"],\"Env\":[\"A=1\"]}", "one:latest");
        ImageRecord two = register(List.of(base, top2), "{\"WorkingDir\":\"/opt\"}", "two:latest");

        assertEquals(one.layers().get(0), two.layers().get(0), "the base layer is one directory");
        assertEquals(3, layerDirs().size());
        assertEquals(List.of("sh"), one.config().cmd());
        assertEquals("/opt", two.config().workingDir());
        assertTrue(isWhiteout(Path.of(one.layers().get(1), "etc/motd")));
        assertFalse(Files.exists(Path.of(one.layers().get(1), "etc/.wh.motd"), LinkOption.NOFOLLOW_LINKS));
        // the opaque directory hides "old" from the base layer, not its own "new"
        assertTrue(isWhiteout(Path.of(two.layers().get(1), "opt/app/old")));
        assertEquals("new\n", Files.readString(Path.of(two.layers().get(1), "opt/app/new")));

        StoredImage stored = store.image("one");
        assertEquals(one.id(), stored.id());
        assertEquals(2, stored.layers().size());

        // removing one keeps the shared base and drops its own top layer
        store.remove("one", id -> false);
        assertEquals(2, layerDirs().size());
        assertTrue(Files.isDirectory(Path.of(two.layers().get(0))));
        store.remove("two", id -> false);
        assertEquals(0, layerDirs().size());
    }

    @Test
    void aLayerWhoseContentIsNotItsDiffIdIsRefusedAndLeavesNoLayer() throws IOException {
        byte[] layer = bytes(new TarFixture().file("a", 0644, "a\n"));
        String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Digests.of("not the layer".getBytes(StandardCharsets.UTF_8)) + "\"]},\"config\":{}}";
        String layerDigest = store.putBlob(new ByteArrayInputStream(layer), null);
        String configDigest = store.putBlob(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)), null);
        byte[] manifest = manifest(configDigest, config.length(), List.of(layerDigest), List.of((long) layer.length));
        EngineException e = assertThrows(EngineException.class, () -> store.registerImage(manifest, List.of("x"), null));
        assertEquals(Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("diff") || e.getMessage().contains("says"), e.getMessage());
        assertEquals(0, layerDirs().size());
        assertEquals(List.of(), store.list());
    }

    private ImageRecord register(List<byte[]> layers, String containerConfig, String tag) {
        StringBuilder diffIds = new StringBuilder();
        List<String> digests = new java.util.ArrayList<>();
        List<Long> sizes = new java.util.ArrayList<>();
        for (byte[] layer : layers) {
            digests.add(store.putBlob(new ByteArrayInputStream(layer), Digests.of(layer)));
            sizes.add((long) layer.length);
            diffIds.append(diffIds.length() == 0 ? "" : ",").append('"').append(Digests.of(layer)).append('"');
        }
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05Z\","
                + "\"config\":" + containerConfig + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds
                + "]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configDigest = store.putBlob(new ByteArrayInputStream(configBytes), null);
        return store.registerImage(manifest(configDigest, configBytes.length, digests, sizes), List.of(tag), null);
    }

    static byte[] manifest(String config, long configSize, List<String> layers, List<Long> sizes) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\""
                + "application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":\""
                + "application/vnd.docker.container.image.v1+json\",\"digest\":\"" + config + "\",\"size\":"
                + configSize + "},\"layers\":[");
        for (int i = 0; i < layers.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar\","
                    + "\"digest\":\"").append(layers.get(i)).append("\",\"size\":").append(sizes.get(i)).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(TarFixture tar) throws IOException {
        Path file = Files.createTempFile(temp, "layer", ".tar");
        return Files.readAllBytes(tar.writeTo(file));
    }

    private List<Path> layerDirs() throws IOException {
        try (Stream<Path> entries = Files.list(dataRoot.resolve("images/layers"))) {
            return entries.toList();
        }
    }

    private static boolean isWhiteout(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
