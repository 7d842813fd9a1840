package io.holdfast.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.ImageRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Tar import with generated archives (names with {@code ..}, absolute names, links in and out of the root, every
 * entry type) and damaged ones (cut short, a byte changed, gzip-compressed or not): each import ends within 10 s with
 * an image or with {@code INVALID} and a message, never another failure; a refused one leaves the image list and the
 * disk as they were; nothing is ever written outside the data root. Tries: {@code jqwik.tries.default}
 * (src/test/resources/junit-platform.properties), more with {@code -Djqwik.tries.default=N}.
 */
class TarImportFuzzTest {
    private Path temp;
    private Path dataRoot;
    private Path outside;
    private ImageStore store;

    @BeforeTry
    void setUp() throws IOException {
        temp = Files.createTempDirectory("holdfast-tarfuzz-");
        dataRoot = temp.resolve("data");
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "original");
        store = new ImageStore(dataRoot);
    }

    @AfterTry
    void tearDown() throws IOException {
        Directories.deleteTree(temp);
    }

    /** One archive entry, as generated. */
    record Entry(int type, String name, String target, int mode, String content) {
        void addTo(TarFixture tar) {
            switch (type) {
                case 0 -> tar.dir(name, mode);
                case 1 -> tar.symlink(name, target);
                case 2 -> tar.hardLink(name, target);
                case 3 -> tar.fifo(name);
                default -> tar.file(fileName(), mode, content); // a name ending in / is a directory's to tar
            }
        }

        private String fileName() {
            String trimmed = name.replaceAll("/+$", "");
            return trimmed.isEmpty() ? "f" : trimmed;
        }
    }

    /** How the archive's bytes are damaged before the import. */
    record Damage(int kind, int at, byte value) {
        byte[] apply(byte[] tar) {
            if (tar.length == 0) {
                return tar;
            }
            int where = Math.floorMod(at, tar.length);
            return switch (kind) {
                case 1 -> Arrays.copyOf(tar, where);
                case 2 -> {
                    byte[] changed = tar.clone();
                    changed[where] = value;
                    yield changed;
                }
                default -> tar;
            };
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void anImportEndsWithAnImageOrAReasonAndNeverWritesOutsideTheRoot(
            @ForAll("entries") List<Entry> entries, @ForAll("damage") Damage damage, @ForAll boolean gzip)
            throws Exception {
        byte[] archive = damage.apply(archive(entries));
        byte[] sent = gzip ? gzip(archive) : archive;
        List<ImageRecord> before = store.list();
        Set<String> treeBefore = tree();
        boolean imported = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                store.importTarball(new ByteArrayInputStream(sent), "fuzz:latest");
                return true;
            } catch (EngineException refused) {
                assertEquals(EngineException.Kind.INVALID, refused.kind(), "a bad archive is the client's error: "
                        + refused.getMessage());
                assertFalse(refused.getMessage() == null || refused.getMessage().isBlank());
                return false;
            }
        }, () -> "the import of " + entries + " " + damage + " did not end");
        assertEquals("original", Files.readString(outside.resolve("secret"), StandardCharsets.UTF_8));
        try (Stream<Path> planted = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret")), planted.toList(), "nothing written outside the root");
        }
        if (!imported) {
            assertEquals(before, store.list(), "a refused import changed the image list");
            assertEquals(treeBefore, tree(), "a refused import left something on disk");
        } else {
            assertTrue(tree().stream().filter(p -> !treeBefore.contains(p))
                    .allMatch(p -> p.startsWith("data/")), "an import wrote outside the data root");
        }
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "etc", "bin", "..", ".", "", "x".repeat(120), "é",
                "a b", "outside", "secret");
        Arbitrary<String> name = piece.list().ofMinSize(1).ofMaxSize(4).map(p -> String.join("/", p));
        Arbitrary<String> path = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, name),
                net.jqwik.api.Tuple.of(1, name.map(n -> "/" + n)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("../outside/secret")),
                net.jqwik.api.Tuple.of(1, name.map(n -> n + "/")));
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.integers().between(0, 5), path, path,
                Arbitraries.integers().between(0, 07777), Arbitraries.strings().ofMaxLength(20)).as(Entry::new);
        return entry.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(),
                Arbitraries.bytes()).as(Damage::new);
    }

    private static byte[] archive(List<Entry> entries) throws IOException {
        TarFixture tar = new TarFixture();
        for (Entry entry : entries) {
            entry.addTo(tar);
        }
        Path file = Files.createTempFile("holdfast-tarfuzz-", ".tar");
        try {
            return Files.readAllBytes(tar.writeTo(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    /** Every path under the try's directory, links not followed. */
    private Set<String> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(temp)) {
            return paths.map(p -> temp.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
