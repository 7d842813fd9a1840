package io.holdfast.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
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
    void importsABusyboxLikeTarball() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox");

        assertTrue(ImageIds.isFull(image.id()), image.id());
        assertEquals(List.of("busybox:latest"), image.repoTags());
        assertEquals("#!busybox\n".length() + "holdfast\n".length(), image.size());
        Path rootfs = Path.of(image.rootfs());
        assertEquals(dataRoot.resolve("images").resolve(ImageIds.hex(image.id())).resolve("rootfs"), rootfs);

        Path busybox = rootfs.resolve("bin/busybox");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(busybox)));
        assertEquals(TarFixture.MTIME, Files.getLastModifiedTime(busybox));
        assertEquals(TarFixture.MTIME, Files.getLastModifiedTime(rootfs.resolve("bin")));
        assertEquals("rw-r--r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(rootfs.resolve("etc/hostname"))));
        assertEquals("holdfast\n", Files.readString(rootfs.resolve("etc/hostname")));
        assertTrue(Files.isDirectory(rootfs.resolve("etc"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(rootfs.resolve("bin/sh")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(rootfs.resolve("bin/sh")));
        assertEquals(Path.of("/bin/busybox"), Files.readSymbolicLink(rootfs.resolve("bin/ls")));
        assertTrue(Files.exists(dataRoot.resolve("images/repositories.json")));
        assertTrue(Files.exists(dataRoot.resolve("images").resolve(ImageIds.hex(image.id())).resolve("image.json")));
        assertEquals(List.of(image), store.list());
    }

    @Test
    void appliesOwnershipHardLinksAndSkipsFifos() throws IOException {
        TarFixture tar = TarFixture.busybox().file("home/user/.profile", 0600, "x", 1000, 1001)
                .hardLink("bin/busybox2", "bin/busybox").fifo("dev/fifo");
        Path rootfs = Path.of(importTar(tar, "extra").rootfs());

        Path profile = rootfs.resolve("home/user/.profile");
        if (ROOT) {
            assertEquals(1000, Files.getAttribute(profile, "unix:uid"));
            assertEquals(1001, Files.getAttribute(profile, "unix:gid"));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)));
        assertEquals(Files.getAttribute(rootfs.resolve("bin/busybox"), "unix:ino"),
                Files.getAttribute(rootfs.resolve("bin/busybox2"), "unix:ino"));
        assertFalse(Files.exists(rootfs.resolve("dev/fifo"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void gzipImportGetsTheIdOfTheUncompressedTar() throws IOException {
        ImageRecord plain = importTar(TarFixture.busybox(), "plain");
        ImageRecord gzip;
        try (InputStream in = Files.newInputStream(TarFixture.busybox().writeGzipTo(temp.resolve("b.tar.gz")))) {
            gzip = store.importTarball(in, "gzip");
        }
        assertEquals(plain.id(), gzip.id());
        assertEquals(List.of("gzip:latest", "plain:latest"), gzip.repoTags());
    }

    @Test
    void tagPointsANewNameAtAnImageAndMovesAnExistingTag() throws IOException {
        ImageRecord busybox = importTar(TarFixture.busybox(), "busybox");
        ImageRecord other = importTar(TarFixture.busybox().file("etc/extra", 0644, "x"), "other");
        assertEquals(List.of("busybox:latest", "tools/bb:1"),
                store.tag("busybox", "tools/bb:1").repoTags());
        store.tag(other.id(), "busybox");
        assertEquals(other.id(), store.resolve("busybox").id(), "the tag moved");
        assertEquals(List.of("tools/bb:1"), store.resolve(busybox.id()).repoTags());
        assertEquals(other.id(), new ImageStore(dataRoot).resolve("busybox:latest").id(), "written to disk");
        EngineException bad = assertThrows(EngineException.class, () -> store.tag("busybox", "Bad Name"));
        assertEquals(EngineException.Kind.INVALID, bad.kind());
        assertEquals(EngineException.Kind.NOT_FOUND,
                assertThrows(EngineException.class, () -> store.tag("ghost", "x")).kind());
    }

    @Test
    void reimportUnderAnotherTagReusesTheImage() throws IOException {
        ImageRecord first = importTar(TarFixture.busybox(), "busybox:1");
        ImageRecord second = importTar(TarFixture.busybox(), "busybox:2");
        assertEquals(first.id(), second.id());
        assertEquals(first.created(), second.created());
        assertEquals(List.of("busybox:1", "busybox:2"), second.repoTags());
        assertEquals(1, store.list().size());
        assertEquals(List.of("images", ImageIds.hex(first.id()), "blobs", "layers", "repositories.json"),
                imagesDirContents()); // blobs/ and layers/: the content store's, empty for imported images
    }

    @Test
    void resolvesByNameTagAndIdPrefix() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox");
        String hex = ImageIds.hex(image.id());
        for (String reference : List.of("busybox", "busybox:latest", image.id(), hex, hex.substring(0, 12),
                hex.substring(0, 1), "sha256:" + hex.substring(0, 5))) {
            assertEquals(image.id(), store.resolve(reference).id(), reference);
        }
        EngineException missing = assertThrows(EngineException.class, () -> store.resolve("alpine"));
        assertEquals(Kind.NOT_FOUND, missing.kind());
        assertEquals("No such image: alpine", missing.getMessage());
        assertEquals(Kind.NOT_FOUND, assertThrows(EngineException.class, () -> store.resolve("busybox:1")).kind());
        assertEquals(Kind.INVALID, assertThrows(EngineException.class, () -> store.resolve("BusyBox")).kind());
    }

    @Test
    void ambiguousIdPrefixIsInvalid() throws IOException {
        Map<Character, String> byFirstDigit = new HashMap<>();
        for (int i = 0; ; i++) {
            String id = importTar(new TarFixture().file("f", 0644, "content " + i), "img:" + i).id();
            String clash = byFirstDigit.put(ImageIds.hex(id).charAt(0), id);
            if (clash != null) {
                String prefix = ImageIds.hex(id).substring(0, 1);
                EngineException e = assertThrows(EngineException.class, () -> store.resolve(prefix));
                assertEquals(Kind.INVALID, e.kind());
                return;
            }
        }
    }

    @Test
    void rejectsBadReferencesBeforeReadingAnything() {
        for (String bad : List.of("", "BusyBox", "busy box", "busybox:", "-busybox", "busybox/", "a//b", "busybox@x",
                "busybox:bad/tag", "a".repeat(64).replace('a', 'f'))) {
            EngineException e = assertThrows(EngineException.class,
                    () -> store.importTarball(InputStream.nullInputStream(), bad), bad);
            assertEquals(Kind.INVALID, e.kind(), bad);
            assertTrue(e.getMessage().startsWith("invalid reference format: "), e.getMessage());
        }
        assertEquals(List.of(), store.list());
    }

    @Test
    void listsNewestFirst() throws IOException {
        String older = importTar(new TarFixture().file("a", 0644, "a"), "a").id();
        String newer = importTar(new TarFixture().file("b", 0644, "b"), "b").id();
        assertEquals(List.of(newer, older), store.list().stream().map(ImageRecord::id).toList());
    }

    @Test
    void removeIsRefusedWhileInUseAndChangesNothing() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox");
        List<String> dirBefore = imagesDirContents();
        String repositoriesBefore = Files.readString(dataRoot.resolve("images/repositories.json"));

        EngineException e = assertThrows(EngineException.class, () -> store.remove("busybox", image.id()::equals));
        assertEquals(Kind.CONFLICT, e.kind());
        assertEquals("conflict: unable to remove repository reference \"busybox:latest\" (must force) - container is"
                + " using its referenced image " + ImageIds.hex(image.id()).substring(0, 12), e.getMessage());
        EngineException byId = assertThrows(EngineException.class, () -> store.remove(image.id(), id -> true));
        assertEquals(Kind.CONFLICT, byId.kind());

        assertEquals(List.of(image), store.list());
        assertEquals(dirBefore, imagesDirContents());
        assertEquals(repositoriesBefore, Files.readString(dataRoot.resolve("images/repositories.json")));
    }

    @Test
    void untagKeepsTheImageWhileAnotherTagRemains() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox:1");
        importTar(TarFixture.busybox(), "busybox:2");
        assertEquals(List.of("Untagged: busybox:1"), store.remove("busybox:1", id -> true));
        assertEquals(List.of("busybox:2"), store.resolve(image.id()).repoTags());
    }

    @Test
    void removeDeletesTheImageWithItsLastTag() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox");
        assertEquals(List.of("Untagged: busybox:latest", "Deleted: " + image.id()),
                store.remove("busybox", id -> false));
        assertEquals(List.of(), store.list());
        assertFalse(Files.exists(dataRoot.resolve("images").resolve(ImageIds.hex(image.id()))));
        assertEquals(List.of("blobs", "layers", "repositories.json"),
                imagesDirContents().subList(1, imagesDirContents().size()));
        assertEquals(Kind.NOT_FOUND, assertThrows(EngineException.class, () -> store.resolve("busybox")).kind());
    }

    @Test
    void removeByIdUntagsEverything() throws IOException {
        ImageRecord image = importTar(TarFixture.busybox(), "busybox:1");
        importTar(TarFixture.busybox(), "other:2");
        String prefix = ImageIds.hex(image.id()).substring(0, 12);
        assertEquals(List.of("Untagged: busybox:1", "Untagged: other:2", "Deleted: " + image.id()),
                store.remove(prefix, id -> false));
        assertEquals(List.of(), store.list());
    }

    @Test
    void theIndexSurvivesANewStore() throws IOException {
        ImageRecord busybox = importTar(TarFixture.busybox(), "busybox:1.36");
        ImageRecord other = importTar(new TarFixture().file("x", 0644, "x"), "other");
        Files.createDirectories(dataRoot.resolve("images/tmp-crashed/rootfs/bin"));

        ImageStore reopened = new ImageStore(dataRoot);
        assertEquals(store.list(), reopened.list());
        assertEquals(busybox, reopened.resolve("busybox:1.36"));
        assertEquals(other, reopened.resolve("other"));
        assertFalse(Files.exists(dataRoot.resolve("images/tmp-crashed")), "leftover work directory swept");
    }

    @Test
    void retaggingMovesTheTag() throws IOException {
        ImageRecord first = importTar(new TarFixture().file("a", 0644, "a"), "app");
        ImageRecord second = importTar(new TarFixture().file("b", 0644, "b"), "app");
        assertNotEquals(first.id(), second.id());
        assertEquals(second.id(), store.resolve("app").id());
        assertEquals(List.of(), store.resolve(first.id()).repoTags());
    }

    private ImageRecord importTar(TarFixture tar, String reference) throws IOException {
        Path file = Files.createTempFile(temp, "image", ".tar");
        try (InputStream in = Files.newInputStream(tar.writeTo(file))) {
            return store.importTarball(in, reference);
        }
    }

    /** The images directory's own name, then its entries, sorted. */
    private List<String> imagesDirContents() throws IOException {
        List<String> names = new ArrayList<>(List.of("images"));
        try (Stream<Path> entries = Files.list(dataRoot.resolve("images"))) {
            entries.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        return names;
    }
}
