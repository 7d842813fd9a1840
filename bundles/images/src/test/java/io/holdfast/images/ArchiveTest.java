package io.holdfast.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.images.content.Digests;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.registry.ProgressLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker save / docker load archives: loaded, saved and loaded again with the same id; tampered blobs refused. */
class ArchiveTest {
    @TempDir
    Path temp;

    @Test
    void aDockerSaveArchiveLoadsAndSavesBackToTheSameImageId() throws IOException {
        ImageStore first = new ImageStore(temp.resolve("one"));
        byte[] layer = layer();
        byte[] config = config(layer);
        String configHex = Digests.hex(Digests.of(config));
        byte[] archive = tar(
                "manifest.json", ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"app:1\"],\"Layers\":["
                        + "\"l1/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8),
                configHex + ".json", config, "l1/layer.tar", layer);
        List<String> lines = first.load(new ByteArrayInputStream(archive));
        assertEquals(List.of("Loaded image: app:1"), lines);
        ImageRecord loaded = first.resolve("app:1");
        assertEquals(Digests.of(config), loaded.id());
        assertEquals(List.of("/bin/app"), loaded.config().entrypoint());

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        first.save(List.of("app:1"), saved);
        ImageStore second = new ImageStore(temp.resolve("two"));
        assertEquals(List.of("Loaded image: app:1"), second.load(new ByteArrayInputStream(saved.toByteArray())));
        assertEquals(loaded.id(), second.resolve("app:1").id());
        assertEquals(List.of(), leftovers(temp.resolve("two/images")));
    }

    @Test
    void loadReportsEachLayersProgressUnderItsShortDiffId() throws IOException {
        ImageStore store = new ImageStore(temp.resolve("data"));
        byte[] layer = layer();
        byte[] config = config(layer);
        String configHex = Digests.hex(Digests.of(config));
        byte[] archive = tar(
                "manifest.json", ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"app:1\"],\"Layers\":["
                        + "\"l1/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8),
                configHex + ".json", config, "l1/layer.tar", layer);
        List<ProgressLine> progress = new java.util.ArrayList<>();

        assertEquals(List.of("Loaded image: app:1"), store.load(new ByteArrayInputStream(archive), progress::add));

        String shortId = Digests.hex(Digests.of(layer)).substring(0, 12);
        assertEquals(List.of(new ProgressLine(shortId, "Loading layer", 0, layer.length),
                new ProgressLine(shortId, "Loading layer", layer.length, layer.length)), progress);
    }

    @Test
    void aTamperedConfigIsRefusedAndNothingIsLeft() throws IOException {
        ImageStore store = new ImageStore(temp.resolve("data"));
        byte[] layer = layer();
        byte[] config = config(layer);
        String configHex = Digests.hex(Digests.of(config));
        byte[] tampered = new String(config, StandardCharsets.UTF_8).replace("/bin/app", "/bin/evil")
                .getBytes(StandardCharsets.UTF_8);
        byte[] archive = tar(
                "manifest.json", ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"app:1\"],\"Layers\":["
                        + "\"l1/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8),
                configHex + ".json", tampered, "l1/layer.tar", layer);
        EngineException e = assertThrows(EngineException.class, () -> store.load(new ByteArrayInputStream(archive)));
        assertEquals(Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains(configHex + ".json"), e.getMessage());
        assertEquals(List.of(), store.list());
        try (Stream<Path> blobs = Files.list(temp.resolve("data/images/blobs/sha256"))) {
            assertEquals(0, blobs.count(), "the layer may not stay behind either: it was stored before the config "
                    + "only if the order says so");
        }
        assertEquals(List.of(), leftovers(temp.resolve("data/images")));
    }

    private byte[] layer() throws IOException {
        return Files.readAllBytes(new TarFixture().dir("bin", 0755).file("bin/app", 0755, "#!/bin/sh\n")
                .writeTo(Files.createTempFile(temp, "layer", ".tar")));
    }

    private static byte[] config(byte[] layer) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/bin/app\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digests.of(layer) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tar(Object... nameAndBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                byte[] content = (byte[]) nameAndBytes[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) nameAndBytes[i]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> leftovers(Path images) throws IOException {
        try (Stream<Path> walk = Files.walk(images)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tmp-")).toList();
        }
    }
}
