package io.holdfast.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.ImageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile tarballs: each must be refused as a whole, naming the entry, with nothing created anywhere, no work
 * directory left behind and the image list unchanged.
 */
class TarSafetyTest {
    @TempDir
    Path temp;

    private Path dataRoot;
    private Path outside;
    private ImageStore store;
    private List<ImageRecord> imagesBefore;
    private Set<String> treeBefore;

    @BeforeEach
    void setUp() throws IOException {
        dataRoot = temp.resolve("data");
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "original");
        store = new ImageStore(dataRoot);
        try (InputStream in = Files.newInputStream(TarFixture.busybox().writeTo(temp.resolve("ok.tar")))) {
            store.importTarball(in, "busybox:latest");
        }
        imagesBefore = store.list();
        treeBefore = tree();
    }

    @Test
    void absoluteNameIsRejected() throws IOException {
        String name = outside.resolve("planted").toString();
        assertRejected(new TarFixture().file("ok", 0644, "x").file(name, 0644, "pwned"), name, "absolute");
        assertFalse(Files.exists(outside.resolve("planted")));
    }

    @Test
    void absoluteNameAfterDotSlashIsRejected() throws IOException {
        assertRejected(new TarFixture().file(".//etc/passwd", 0644, "x"), ".//etc/passwd", "absolute");
    }

    @Test
    void dotDotAtTheStartIsRejected() throws IOException {
        assertRejected(new TarFixture().file("ok", 0644, "x").file("../x", 0644, "pwned"), "../x", "escapes");
    }

    @Test
    void dotDotThatClimbsOutOfTheRootIsRejected() throws IOException {
        assertRejected(new TarFixture().dir("a/", 0755).file("a/../../x", 0644, "pwned"), "a/../../x", "escapes");
    }

    @Test
    void symlinkPointingOutsideIsRejected() throws IOException {
        assertRejected(new TarFixture().dir("etc/", 0755).symlink("evil", "../../etc").file("evil/passwd", 0644, "x"),
                "evil", "points outside the root");
    }

    @Test
    void nestedSymlinkClimbingOutIsRejected() throws IOException {
        assertRejected(new TarFixture().symlink("a/b/evil", "../../../secret"), "a/b/evil", "points outside");
    }

    @Test
    void writingThroughAnAbsoluteSymlinkIsRejected() throws IOException {
        // "dir -> /<outside>" is allowed: inside a container it means <rootfs>/<outside>. Following it here would not.
        TarFixture tar = new TarFixture().symlink("dir", outside.toString()).file("dir/x", 0644, "pwned");
        assertRejected(tar, "dir/x", "symbolic link");
        assertFalse(Files.exists(outside.resolve("x")));
    }

    @Test
    void creatingADirectoryThroughASymlinkIsRejected() throws IOException {
        TarFixture tar = new TarFixture().symlink("dir", outside.toString()).dir("dir/sub/", 0755);
        assertRejected(tar, "dir/sub/", "symbolic link");
        assertFalse(Files.exists(outside.resolve("sub")));
    }

    @Test
    void hardLinkOutsideIsRejected() throws IOException {
        assertRejected(new TarFixture().file("ok", 0644, "x").hardLink("link", "../outside/secret"), "link",
                "points outside the root");
    }

    @Test
    void hardLinkToSomethingNotInTheArchiveIsRejected() throws IOException {
        assertRejected(new TarFixture().hardLink("link", "etc/shadow").file("etc/shadow", 0600, "x"), "link",
                "not a file extracted earlier");
    }

    @Test
    void hardLinkThroughASymlinkedParentIsRejected() throws IOException {
        // a/secret existed once, then "a" became a link to the outside; linking to a/secret would reach out.
        TarFixture tar = new TarFixture().file("a/secret", 0644, "inside").symlink("a", outside.toString())
                .hardLink("stolen", "a/secret");
        assertRejected(tar, "stolen", "not a file extracted earlier");
    }

    @Test
    void hardLinkToADirectoryIsRejected() throws IOException {
        assertRejected(new TarFixture().dir("etc/", 0755).hardLink("link", "etc"), "link", "not a file");
    }

    @Test
    void replacingTheRootIsRejected() throws IOException {
        assertRejected(new TarFixture().symlink("./", outside.toString()), "./", "root");
    }

    @Test
    void aFileReplacingAnEarlierSymlinkDoesNotWriteThroughIt() throws IOException {
        TarFixture tar = new TarFixture().symlink("evil", outside.resolve("secret").toString())
                .file("evil", 0644, "replaced");
        try (InputStream in = Files.newInputStream(tar.writeTo(temp.resolve("replace.tar")))) {
            ImageRecord image = store.importTarball(in, "replace");
            Path evil = Path.of(image.rootfs()).resolve("evil");
            assertTrue(Files.isRegularFile(evil, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertEquals("replaced", Files.readString(evil));
        }
        assertEquals("original", Files.readString(outside.resolve("secret")));
    }

    @Test
    void garbageIsRejectedAndLeavesNothing() throws IOException {
        Path file = Files.writeString(temp.resolve("garbage.tar"), "this is not a tarball at all ".repeat(40));
        treeBefore = tree();
        EngineException e = assertThrows(EngineException.class, () -> importFile(file, "garbage"));
        assertEquals(EngineException.Kind.INVALID, e.kind());
        assertNothingChanged();
    }

    @Test
    void truncatedArchiveIsRejectedAndLeavesNothing() throws IOException {
        Path full = TarFixture.busybox().file("big", 0644, "y".repeat(10_000)).writeTo(temp.resolve("full.tar"));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(temp.resolve("cut.tar"), java.util.Arrays.copyOf(bytes, bytes.length - 8_000));
        Files.delete(full);
        treeBefore = tree();
        EngineException e = assertThrows(EngineException.class, () -> importFile(cut, "cut"));
        assertEquals(EngineException.Kind.INVALID, e.kind());
        assertNothingChanged();
    }

    private void assertRejected(TarFixture tar, String entry, String why) throws IOException {
        Path file = tar.writeTo(temp.resolve("evil.tar"));
        treeBefore.add(temp.relativize(file).toString());
        EngineException e = assertThrows(EngineException.class, () -> importFile(file, "evil:latest"));
        assertEquals(EngineException.Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(entry + ": "), "names the entry: " + e.getMessage());
        assertTrue(e.getMessage().contains(why), "says why: " + e.getMessage());
        assertNothingChanged();
    }

    private void assertNothingChanged() throws IOException {
        assertEquals(treeBefore, tree(), "nothing was created, anywhere");
        try (Stream<Path> entries = Files.list(dataRoot.resolve("images"))) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith("tmp-")), "no work dir left");
        }
        assertEquals(imagesBefore, store.list());
        assertEquals("original", Files.readString(outside.resolve("secret"), StandardCharsets.UTF_8));
    }

    private void importFile(Path file, String reference) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            store.importTarball(in, reference);
        }
    }

    /** Every path under the test's directory, links not followed. */
    private Set<String> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(temp)) {
            return paths.map(p -> temp.relativize(p).toString()).collect(java.util.stream.Collectors
                    .toCollection(TreeSet::new));
        }
    }
}
