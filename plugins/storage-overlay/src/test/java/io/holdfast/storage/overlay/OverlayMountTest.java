package io.holdfast.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.common.process.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real overlay mounts in a temporary directory; needs root and overlayfs (skipped otherwise). The storage home has a
 * space in its name so that mountinfo's octal escapes are exercised. Every test unmounts all it mounted, even when it
 * fails, and checks the number of overlay mounts is back to where it started.
 */
class OverlayMountTest {
    @TempDir
    Path tmp;
    Path image;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.readString(Path.of("/proc/filesystems")).contains("overlay"), "overlayfs not available");
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
        tmp = tmp.toRealPath();
        image = Files.createDirectories(tmp.resolve("image/rootfs/etc"));
        Files.writeString(image.resolve("hostname"), "image\n");
        image = image.getParent();
        home = tmp.resolve("storage home/overlay");
    }

    @AfterEach
    void unmountEverything() throws Exception {
        if (tmp == null) {
            return;
        }
        for (int i = 0; i < 64; i++) {
            List<MountTable.Mount> left = MountTable.read().atOrBelow(tmp);
            if (left.isEmpty()) {
                break;
            }
            Path point = left.get(left.size() - 1).mountPoint();
            if (!Command.run(List.of("umount", point.toString()), Duration.ofSeconds(30)).ok()) {
                Command.run(List.of("umount", "-l", point.toString()), Duration.ofSeconds(30));
            }
        }
        assertEquals(List.of(), MountTable.read().atOrBelow(tmp), "mounts left under " + tmp);
        assertEquals(List.of(), overlaysOf(tmp), "overlay mounts anywhere that name this test's directories");
    }

    /**
     * The overlay lines of {@code /proc/self/mountinfo} that name {@code dir} (as mount point or in their layers'
     * options): only this test's own, as other engines on the machine mount overlays of their own meanwhile.
     */
    private static List<String> overlaysOf(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        return Files.readAllLines(MountTable.MOUNTINFO).stream()
                .filter(l -> l.contains("overlay") && l.contains(name)).toList();
    }

    private static MountTable.Mount mountOn(Path point) throws IOException {
        return MountTable.read().at(point).orElseThrow(() -> new AssertionError("nothing mounted on " + point));
    }

    /** The real mount calls, each recorded in {@code calls} before it runs. */
    private static Mounts recording(List<String> calls) {
        SystemMounts real = new SystemMounts();
        return new Mounts() {
            @Override
            public MountTable table() throws IOException {
                return real.table();
            }

            @Override
            public void mountOverlay(Path lower, Path upper, Path work, Path target) throws IOException {
                calls.add("mount " + target);
                real.mountOverlay(lower, upper, work, target);
            }

            @Override
            public boolean unmount(Path target) throws IOException {
                calls.add("unmount " + target);
                return real.unmount(target);
            }

            @Override
            public void detach(Path target) throws IOException {
                calls.add("detach " + target);
                real.detach(target);
            }
        };
    }

    @Test
    void changesGoToTheUpperLayerAndNeverToTheImage() throws IOException {
        Path rootfs = new OverlayStorageDriver().create("c1", image, home);

        assertEquals("overlay", mountOn(rootfs).fsType());
        assertEquals("image\n", Files.readString(rootfs.resolve("etc/hostname")));
        Files.writeString(rootfs.resolve("new.txt"), "container data");
        Files.writeString(rootfs.resolve("etc/hostname"), "changed\n");

        Path upper = home.resolve("c1/upper");
        assertEquals("container data", Files.readString(upper.resolve("new.txt")));
        assertEquals("changed\n", Files.readString(upper.resolve("etc/hostname")));
        assertFalse(Files.exists(image.resolve("new.txt")));
        assertEquals("image\n", Files.readString(image.resolve("etc/hostname")));
        assertEquals(Files.getPosixFilePermissions(image), Files.getPosixFilePermissions(rootfs));
    }

    @Test
    void removeLeavesNoMountAndNoDirectory() throws IOException {
        OverlayStorageDriver driver = new OverlayStorageDriver();
        Path rootfs = driver.create("c1", image, home);
        Files.writeString(rootfs.resolve("new.txt"), "x");

        driver.remove("c1", home);
        driver.remove("c1", home);

        assertEquals(List.of(), MountTable.read().atOrBelow(tmp));
        assertFalse(Files.exists(home.resolve("c1")));
        assertEquals("image\n", Files.readString(image.resolve("etc/hostname")));
    }

    @Test
    void removeDetachesAMountThatStaysBusy() throws Exception {
        OverlayStorageDriver driver = new OverlayStorageDriver();
        Path rootfs = driver.create("c1", image, home);
        Process user = new ProcessBuilder("sleep", "60").directory(rootfs.toFile()).start();
        try {
            driver.remove("c1", home);

            assertEquals(List.of(), MountTable.read().atOrBelow(tmp));
            assertFalse(Files.exists(home.resolve("c1")));
        } finally {
            user.destroyForcibly();
            user.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void restoreUnmountsAndDeletesAnUnknownContainer() throws IOException {
        Path rootfs = new OverlayStorageDriver().create("c1", image, home);
        Files.writeString(rootfs.resolve("new.txt"), "x");

        new OverlayStorageDriver().restore(Set.of(), home);

        assertEquals(List.of(), MountTable.read().atOrBelow(tmp));
        assertFalse(Files.exists(home.resolve("c1")));
        assertTrue(Files.isDirectory(home));
        assertEquals("image\n", Files.readString(image.resolve("etc/hostname")));
    }

    @Test
    void restoreLeavesAKnownMountedContainerExactlyAsItIs() throws IOException {
        Path rootfs = new OverlayStorageDriver().create("c1", image, home);
        Files.writeString(rootfs.resolve("new.txt"), "container data");
        int mountId = mountOn(rootfs).id();
        List<String> calls = new ArrayList<>();

        new OverlayStorageDriver(recording(calls), Duration.ofMillis(200)).restore(Set.of("c1"), home);

        assertEquals(List.of(), calls, "no mount or umount ran");
        assertEquals(mountId, mountOn(rootfs).id(), "the same mount, not a new one");
        assertEquals(1, MountTable.read().atOrBelow(tmp).size());
        assertEquals("container data", Files.readString(rootfs.resolve("new.txt")));
    }

    @Test
    void restoreMountsAgainAfterAReboot() throws IOException {
        Path rootfs = new OverlayStorageDriver().create("c1", image, home);
        Files.writeString(rootfs.resolve("new.txt"), "container data");
        assertTrue(Command.run(List.of("umount", rootfs.toString()), Duration.ofSeconds(30)).ok());
        assertFalse(Files.exists(rootfs.resolve("new.txt")));

        new OverlayStorageDriver().restore(Set.of("c1"), home);

        assertEquals("overlay", mountOn(rootfs).fsType()); // the kernel may well reuse the freed mount id
        assertEquals("container data", Files.readString(rootfs.resolve("new.txt")));
        assertEquals("image\n", Files.readString(rootfs.resolve("etc/hostname")));
    }
}
