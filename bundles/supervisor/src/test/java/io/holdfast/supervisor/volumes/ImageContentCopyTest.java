package io.holdfast.supervisor.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageContentCopyTest {
    @TempDir
    Path temp;

    private Path rootfs() throws Exception {
        Path data = Files.createDirectories(temp.resolve("rootfs/var/lib/db"));
        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        Files.createDirectories(data.resolve("base"));
        Files.createSymbolicLink(data.resolve("current"), Path.of("/etc/passwd"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x---"));
        return temp.resolve("rootfs");
    }

    @Test
    void anEmptyVolumeReceivesTheImagesDirectoryWithItsModeAndLinksAsLinks() throws Exception {
        Path rootfs = rootfs();
        Path volume = Files.createDirectories(temp.resolve("volume"));

        assertEquals(Optional.empty(), ImageContentCopy.into(volume, rootfs, "/var/lib/db"));

        assertEquals("15\n", Files.readString(volume.resolve("PG_VERSION")));
        assertTrue(Files.isDirectory(volume.resolve("base")));
        assertTrue(Files.isSymbolicLink(volume.resolve("current")), "a link is copied as a link, never followed");
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(volume.resolve("current")));
        assertEquals("rwx--x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(volume)));
    }

    @Test
    void aVolumeThatHoldsAnythingIsLeftAsItIs() throws Exception {
        Path rootfs = rootfs();
        Path volume = Files.createDirectories(temp.resolve("volume"));
        Files.writeString(volume.resolve("mine"), "kept");

        assertEquals(Optional.of("the volume is not empty"), ImageContentCopy.into(volume, rootfs, "/var/lib/db"));
        assertFalse(Files.exists(volume.resolve("PG_VERSION")));
    }

    @Test
    void aPathThroughASymbolicLinkOrWithoutADirectoryCopiesNothing() throws Exception {
        Path rootfs = rootfs();
        Files.createDirectories(temp.resolve("host-secrets"));
        Files.writeString(temp.resolve("host-secrets/key"), "secret");
        Files.createSymbolicLink(rootfs.resolve("var/lib/escape"), temp.resolve("host-secrets"));
        Path volume = Files.createDirectories(temp.resolve("volume"));

        assertTrue(ImageContentCopy.into(volume, rootfs, "/var/lib/escape").orElseThrow().contains("symbolic link"));
        assertTrue(ImageContentCopy.into(volume, rootfs, "/srv/none").orElseThrow().contains("no directory"));
        assertTrue(ImageContentCopy.into(volume, rootfs, "/var/lib/db/PG_VERSION").orElseThrow()
                .contains("no directory"));
        try (var entries = Files.list(volume)) {
            assertEquals(0, entries.count());
        }
    }
}
