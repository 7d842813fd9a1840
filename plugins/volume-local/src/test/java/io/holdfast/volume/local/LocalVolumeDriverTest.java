package io.holdfast.volume.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVolumeDriverTest {
    private static final Map<String, String> TMPFS = Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=8m");

    @TempDir
    Path home;

    /** A mount table of its own; records every mount and unmount call. */
    static final class FakeMounts implements Mounts {
        final Set<Path> mounted = new HashSet<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean isMountPoint(Path point) {
            return mounted.contains(point);
        }

        @Override
        public void mount(LocalOptions options, Path point) {
            calls.add("mount " + options.type() + " " + point.getParent().getFileName());
            mounted.add(point);
        }

        @Override
        public void unmount(Path point) {
            if (mounted.remove(point)) {
                calls.add("unmount " + point.getParent().getFileName());
            }
        }
    }

    @Test
    void aPlainVolumeIsADirectoryAndIsNeverMounted() throws IOException {
        FakeMounts mounts = new FakeMounts();
        LocalVolumeDriver driver = new LocalVolumeDriver(mounts);
        driver.create("data", Map.of(), home);
        Path data = driver.mount("data", Map.of(), home);
        assertEquals(home.resolve("data/_data"), data);
        assertTrue(Files.isDirectory(data));
        assertEquals(List.of(), mounts.calls);
    }

    @Test
    void aTmpfsVolumeIsMountedAtFirstUseOnlyAndRestoreLeavesItMounted() throws IOException {
        FakeMounts mounts = new FakeMounts();
        LocalVolumeDriver driver = new LocalVolumeDriver(mounts);
        driver.create("scratch", TMPFS, home);
        assertEquals(List.of(), mounts.calls, "not mounted at create");
        driver.mount("scratch", TMPFS, home);
        driver.mount("scratch", TMPFS, home);
        assertEquals(List.of("mount tmpfs scratch"), mounts.calls, "mounted once, at first use");

        // the engine dies and comes back: a new driver over the same home and the same mount table
        LocalVolumeDriver restarted = new LocalVolumeDriver(mounts);
        restarted.restore(Map.of("scratch", TMPFS), home);
        restarted.mount("scratch", TMPFS, home);
        assertEquals(List.of("mount tmpfs scratch"), mounts.calls, "restore and the next start re-use the mount");

        restarted.remove("scratch", home);
        assertEquals(List.of("mount tmpfs scratch", "unmount scratch"), mounts.calls);
        assertFalse(Files.exists(home.resolve("scratch")));
    }

    @Test
    void restoreRemovesWhatNoVolumeRecordNamesAndAnInterruptedCreate() throws IOException {
        FakeMounts mounts = new FakeMounts();
        LocalVolumeDriver driver = new LocalVolumeDriver(mounts);
        driver.create("kept", Map.of(), home);
        driver.create("leaked", TMPFS, home);
        driver.mount("leaked", TMPFS, home);
        Files.createDirectories(home.resolve(".creating/half"));
        driver.restore(Map.of("kept", Map.of()), home);
        assertTrue(Files.isDirectory(home.resolve("kept/_data")));
        assertFalse(Files.exists(home.resolve("leaked")));
        assertFalse(Files.exists(home.resolve(".creating")));
        assertTrue(mounts.mounted.isEmpty(), "the leaked volume's mount is released before its directory goes");
    }

    @Test
    void optionsAreCheckedAndABadCreateLeavesNothing() throws IOException {
        LocalVolumeDriver driver = new LocalVolumeDriver(new FakeMounts());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> driver.create("v", Map.of("size", "1g"), home));
        assertTrue(unknown.getMessage().contains("invalid option key: \"size\""), unknown.getMessage());
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> driver.create("v", Map.of("type", "tmpfs"), home));
        assertTrue(half.getMessage().contains("both \"type\" and \"device\""), half.getMessage());
        assertFalse(Files.exists(home.resolve("v")));
        driver.create("v", Map.of(), home);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> driver.create("v", TMPFS, home));
        assertTrue(other.getMessage().contains("exists with other options"), other.getMessage());
    }
}
