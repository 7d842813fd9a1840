package io.holdfast.storage.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VfsStorageDriverTest {
    @TempDir
    Path dir;

    @Test
    void copiesFilesLinksAndModesAndRemovesThemAgain() throws Exception {
        Path image = dir.resolve("image");
        Files.createDirectories(image.resolve("bin"));
        Path busybox = Files.writeString(image.resolve("bin/busybox"), "#!binary");
        Files.setPosixFilePermissions(busybox, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(image.resolve("bin/sh"), Path.of("busybox"));
        Files.createSymbolicLink(image.resolve("bin/abs"), Path.of("/etc/passwd")); // must stay a link, not be followed
        Path home = Files.createDirectories(dir.resolve("vfs"));

        VfsStorageDriver driver = new VfsStorageDriver();
        Path rootfs = driver.create("c1", image, home);

        assertEquals(home.resolve("c1"), rootfs);
        assertEquals("#!binary", Files.readString(rootfs.resolve("bin/busybox")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(rootfs.resolve("bin/busybox"))));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(rootfs.resolve("bin/sh")));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(rootfs.resolve("bin/abs")));
        assertFalse(Files.exists(home.resolve("c1.partial")));

        Files.writeString(rootfs.resolve("bin/busybox"), "changed");
        assertEquals("#!binary", Files.readString(image.resolve("bin/busybox")), "the image is never modified");

        driver.remove("c1", home);
        assertFalse(Files.exists(rootfs));
        assertTrue(Files.exists(image.resolve("bin/busybox")));
        driver.remove("c1", home); // removing twice is fine
    }
}
