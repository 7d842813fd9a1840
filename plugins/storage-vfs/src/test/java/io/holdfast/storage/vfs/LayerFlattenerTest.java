package io.holdfast.storage.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vfs flattens a layered image: higher layers replace files, directories merge, whiteouts delete. */
class LayerFlattenerTest {
    @TempDir
    Path dir;

    @Test
    void higherLayersReplaceMergeAndWhiteOut() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "whiteouts are device nodes: mknod needs root");
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(base.resolve("etc/conf.d"));
        Files.writeString(base.resolve("etc/motd"), "base");
        Files.writeString(base.resolve("etc/hostname"), "base");
        Files.writeString(base.resolve("etc/conf.d/a"), "a");
        Path top = Files.createDirectories(dir.resolve("top"));
        Files.createDirectories(top.resolve("etc"));
        Files.writeString(top.resolve("etc/hostname"), "top");
        Files.writeString(top.resolve("etc/new"), "new");
        whiteout(top.resolve("etc/motd"));
        whiteout(top.resolve("etc/conf.d"));

        Path home = Files.createDirectories(dir.resolve("vfs"));
        Path rootfs = new VfsStorageDriver().create("c1", List.of(base, top), home);

        assertEquals("top", Files.readString(rootfs.resolve("etc/hostname")));
        assertEquals("new", Files.readString(rootfs.resolve("etc/new")));
        assertFalse(Files.exists(rootfs.resolve("etc/motd"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(rootfs.resolve("etc/conf.d"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("base", Files.readString(base.resolve("etc/motd")), "layers are never modified");
    }

    private static void whiteout(Path path) throws Exception {
        Process mknod = new ProcessBuilder("mknod", path.toString(), "c", "0", "0").inheritIO().start();
        assertEquals(0, mknod.waitFor());
    }
}
