package io.holdfast.supervisor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.container.FileChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangesTest {
    @TempDir
    Path dir;
    private Path image;
    private Path container;

    @BeforeEach
    void twoEqualTrees() throws Exception {
        image = dir.resolve("image");
        container = dir.resolve("container");
        for (Path root : List.of(image, container)) {
            Files.createDirectories(root.resolve("bin"));
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("bin/sh"), "shell");
            Files.writeString(root.resolve("bin/old"), "old");
            Files.writeString(root.resolve("etc/motd"), "hi");
            Files.setLastModifiedTime(root.resolve("bin/sh"), FileTime.fromMillis(1_000_000));
            Files.setLastModifiedTime(root.resolve("bin/old"), FileTime.fromMillis(1_000_000));
            Files.setLastModifiedTime(root.resolve("etc/motd"), FileTime.fromMillis(1_000_000));
        }
    }

    private List<String> changes(Set<String> mountPoints) throws Exception {
        return new FileChanges(container, image, mountPoints).list().stream()
                .map(c -> "CAD".charAt(c.kind().ordinal()) + " " + c.path()).toList();
    }

    @Test
    void equalTreesHaveNoChanges() throws Exception {
        assertEquals(List.of(), changes(Set.of()));
    }

    @Test
    void addedModifiedAndDeletedAsDockerListsThemWithTheirDirectories() throws Exception {
        Files.createDirectories(container.resolve("tmp/new"));
        Files.writeString(container.resolve("tmp/new/file"), "x");
        Files.writeString(container.resolve("etc/motd"), "changed");
        Files.delete(container.resolve("bin/old"));
        assertEquals(List.of("C /bin", "D /bin/old", "C /etc", "C /etc/motd", "A /tmp", "A /tmp/new",
                "A /tmp/new/file"), changes(Set.of()));
    }

    @Test
    void aDirectorysOwnModeCountsItsModificationTimeAlone() throws Exception {
        Files.setLastModifiedTime(container.resolve("etc"), FileTime.fromMillis(5));
        assertEquals(List.of(), changes(Set.of()));
        Files.setPosixFilePermissions(container.resolve("etc"), PosixFilePermissions.fromString("rwx------"));
        assertEquals(List.of("C /etc"), changes(Set.of()));
    }

    @Test
    void mountPointsAndTheDirectoriesMadeForThemAreLeftOut() throws Exception {
        Files.createDirectories(container.resolve("proc"));
        Files.createDirectories(container.resolve("dev/shm"));
        Files.writeString(container.resolve("etc/hosts"), "");
        Files.createDirectories(container.resolve("data"));
        Files.writeString(container.resolve("data/written"), "by the container");
        assertEquals(List.of("A /data", "A /data/written"),
                changes(Set.of("/proc", "/dev/shm", "/etc/hosts", "/data/mnt")));
    }
}
