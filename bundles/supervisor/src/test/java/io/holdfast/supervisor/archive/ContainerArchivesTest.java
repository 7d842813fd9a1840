package io.holdfast.supervisor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.PathStat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerArchivesTest {
    @TempDir
    Path dir;
    private Path root;
    private Path outside;
    private ContainerArchives archives;

    @BeforeEach
    void rootfs() throws IOException {
        root = Files.createDirectories(dir.resolve("rootfs"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "box\n");
        Files.createDirectories(root.resolve("data/sub"));
        Files.writeString(root.resolve("data/sub/a.txt"), "a");
        Files.createSymbolicLink(root.resolve("escape"), Path.of("../../../../outside"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/etc"));
        archives = new ContainerArchives(root, "box");
    }

    @Test
    void linksAreFollowedInsideTheContainerNeverOutside() throws IOException {
        assertEquals(root.resolve("outside"), ScopedPath.resolve(root, "/escape"));
        assertEquals(root.resolve("etc/hostname"), ScopedPath.resolve(root, "/abs/hostname"));
        assertEquals(root.resolve("etc"), ScopedPath.resolve(root, "/../../etc/."));
        assertEquals(root.resolve("abs"), ScopedPath.resolveParent(root, "/abs"), "the last link is not followed");
    }

    @Test
    void statDescribesFilesDirectoriesAndLinksAsDockerDoes() {
        PathStat file = archives.stat("/etc/hostname");
        assertEquals("hostname", file.name());
        assertEquals(4, file.size());
        assertFalse(file.directory());
        PathStat directory = archives.stat("/data/");
        assertEquals("data", directory.name());
        assertTrue(directory.directory());
        PathStat link = archives.stat("/abs");
        assertEquals(PathStat.MODE_SYMLINK, link.mode() & PathStat.MODE_SYMLINK);
        assertEquals("/etc", link.linkTarget());
        EngineException missing = assertThrows(EngineException.class, () -> archives.stat("/nope"));
        assertEquals(EngineException.Kind.NOT_FOUND, missing.kind());
        assertEquals("Could not find the file /nope in container box", missing.getMessage());
    }

    @Test
    void archiveNamesEntriesAfterTheLastElementOrDotForSlashDot() throws IOException {
        assertEquals(List.of("data/", "data/sub/", "data/sub/a.txt"), names("/data"));
        assertEquals(List.of("./", "./sub/", "./sub/a.txt"), names("/data/."));
        assertEquals(List.of("hostname"), names("/abs/hostname"));
    }

    @Test
    void extractWritesIntoTheDirectoryAndRefusesToLeaveIt() throws IOException {
        archives.extract("/data", tar("new.txt", "hello"), true, true);
        assertEquals("hello", Files.readString(root.resolve("data/new.txt")));
        assertEquals(EngineException.Kind.NOT_FOUND, assertThrows(EngineException.class,
                () -> archives.extract("/escape", tar("x.txt", "x"), false, true)).kind(), "/outside is not in the container");
        Files.createDirectories(root.resolve("outside"));
        archives.extract("/escape", tar("x.txt", "x"), false, true);
        assertTrue(Files.exists(root.resolve("outside/x.txt")), "the link's target is inside the container");
        assertFalse(Files.exists(outside.resolve("x.txt")), "nothing written outside the root");
        EngineException slip = assertThrows(EngineException.class,
                () -> archives.extract("/data", tar("../../../outside/y.txt", "y"), false, true));
        assertEquals(EngineException.Kind.INVALID, slip.kind());
        assertFalse(Files.exists(outside.resolve("y.txt")));
        EngineException notDir = assertThrows(EngineException.class,
                () -> archives.extract("/etc/hostname", tar("z", "z"), false, true));
        assertEquals(EngineException.Kind.INVALID, notDir.kind());
        EngineException typeChange = assertThrows(EngineException.class,
                () -> archives.extract("/data", tar("sub", "now a file"), true, true));
        assertTrue(typeChange.getMessage().contains("cannot overwrite directory"), typeChange.getMessage());
        assertTrue(Files.isDirectory(root.resolve("data/sub")));
    }

    @Test
    void withoutCopyUidGidRootOwnsWhatIsExtracted() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        archives.extract("/data", tar("theirs.txt", "t"), true, false);
        assertEquals(0, Files.getAttribute(root.resolve("data/theirs.txt"), "unix:uid"));
        archives.extract("/data", tar("kept.txt", "k"), true, true);
        assertEquals(1234, Files.getAttribute(root.resolve("data/kept.txt"), "unix:uid"));
    }

    @Test
    void exportHoldsTheWholeTreeWithRelativeNames() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archives.export(out);
        List<String> names = entries(out.toByteArray());
        assertTrue(names.containsAll(List.of("abs", "data/", "data/sub/a.txt", "etc/hostname", "escape")), names.toString());
    }

    private List<String> names(String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archives.archive(path, out);
        return entries(out.toByteArray());
    }

    private static List<String> entries(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static ByteArrayInputStream tar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(data.length);
            entry.setMode(0644);
            entry.setUserId(1234);
            entry.setGroupId(1234);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
