package io.holdfast.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's bookkeeping against {@link FakeMounts}: real directories, pretend mounts. */
class OverlayStorageDriverTest {
    @TempDir
    Path dir;
    Path image;
    Path home;
    FakeMounts mounts = new FakeMounts();
    OverlayStorageDriver driver = new OverlayStorageDriver(mounts, Duration.ZERO);

    @BeforeEach
    void setUp() throws IOException {
        dir = dir.toRealPath();
        image = Files.createDirectories(dir.resolve("images/abc/rootfs"));
        Files.writeString(image.resolve("hostname"), "image");
        home = dir.resolve("storage/overlay");
    }

    private OverlayStorageDriver restarted() {
        return new OverlayStorageDriver(mounts, Duration.ZERO);
    }

    private String mountCall(String id) {
        Path c = home.resolve(id);
        return "mount " + c.resolve("merged") + " lowerdir=" + image + ",upperdir=" + c.resolve("upper")
                + ",workdir=" + c.resolve("work");
    }

    @Test
    void createMakesTheLayersRecordsTheLowerLayerAndMounts() throws IOException {
        Path rootfs = driver.create("c1", image, home);

        assertEquals(home.resolve("c1/merged"), rootfs);
        assertTrue(Files.isDirectory(home.resolve("c1/upper")));
        assertTrue(Files.isDirectory(home.resolve("c1/work")));
        assertEquals(image, LayerFile.read(home.resolve("c1/layer.json"), "c1"));
        assertEquals(List.of(mountCall("c1")), mounts.calls);
        assertEquals("overlay", new MountTable(mounts.table).at(rootfs).orElseThrow().fsType());
        assertEquals("overlay", driver.name());
    }

    @Test
    void aFailedMountLeavesNothingBehind() {
        mounts.failMount = true;
        IOException e = assertThrows(IOException.class, () -> driver.create("c1", image, home));
        assertTrue(e.getMessage().contains("container c1") && e.getMessage().contains(home.resolve("c1").toString())
                && e.getMessage().contains("wrong fs type"), e.getMessage());
        assertFalse(Files.exists(home.resolve("c1")));
        assertTrue(mounts.table.isEmpty());
        assertTrue(Files.exists(image.resolve("hostname")));
    }

    @Test
    void createRefusesAnExistingDirectoryAndLeavesItAlone() throws IOException {
        Files.createDirectories(home.resolve("c1/upper"));
        IOException e = assertThrows(IOException.class, () -> driver.create("c1", image, home));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertTrue(Files.isDirectory(home.resolve("c1/upper")));
        assertTrue(mounts.calls.isEmpty());
    }

    @Test
    void createRefusesWhatCannotBeMounted() throws IOException {
        Path comma = Files.createDirectories(dir.resolve("images/a,b"));
        IOException e = assertThrows(IOException.class, () -> driver.create("c1", comma, home));
        assertTrue(e.getMessage().contains("container c1") && e.getMessage().contains("','"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> driver.create("c1", dir.resolve("nope"), home));
        assertTrue(missing.getMessage().contains("not a directory"), missing.getMessage());
        assertThrows(IOException.class, () -> driver.create("../c1", image, home));
        assertFalse(Files.exists(home.resolve("c1")));
        assertTrue(mounts.calls.isEmpty());
    }

    @Test
    void removeUnmountsThenDeletesAndIsIdempotent() throws IOException {
        Path rootfs = driver.create("c1", image, home);
        Files.writeString(home.resolve("c1/upper/new"), "x");

        driver.remove("c1", home);
        driver.remove("c1", home);
        driver.remove("never-made", dir.resolve("no-home"));

        assertEquals(List.of(mountCall("c1"), "unmount " + rootfs), mounts.calls);
        assertFalse(Files.exists(home.resolve("c1")));
        assertTrue(Files.exists(image.resolve("hostname")));
    }

    @Test
    void removeDetachesABusyMountAsALastResort() throws IOException {
        Path rootfs = driver.create("c1", image, home);
        mounts.busy.put(rootfs, 99);

        driver.remove("c1", home);

        assertEquals("detach " + rootfs, mounts.calls.get(mounts.calls.size() - 1));
        assertEquals(5, mounts.calls.stream().filter(c -> c.startsWith("unmount ")).count());
        assertFalse(Files.exists(home.resolve("c1")));
    }

    @Test
    void restoreLeavesAMountedContainerAlone() throws IOException {
        Path rootfs = driver.create("c1", image, home);
        MountTable.Mount before = new MountTable(mounts.table).at(rootfs).orElseThrow();
        mounts.calls.clear();

        restarted().restore(Set.of("c1"), home);

        assertEquals(List.of(), mounts.calls);
        assertEquals(before, new MountTable(mounts.table).at(rootfs).orElseThrow());
    }

    @Test
    void restoreMountsAgainWhatARebootUnmounted() throws IOException {
        Path rootfs = driver.create("c1", image, home);
        mounts.table.clear(); // the reboot
        Files.delete(home.resolve("c1/merged"));
        Files.writeString(home.resolve("c1/.layer.json.tmp-1-1"), "torn");
        mounts.calls.clear();

        restarted().restore(Set.of("c1"), home);

        assertEquals(List.of(mountCall("c1")), mounts.calls);
        assertTrue(new MountTable(mounts.table).at(rootfs).isPresent());
        assertTrue(Files.isDirectory(rootfs));
        assertFalse(Files.exists(home.resolve("c1/.layer.json.tmp-1-1")));
    }

    @Test
    void restoreRemovesWhatBelongsToNoContainer() throws IOException {
        driver.create("known", image, home);
        Path gone = driver.create("gone", image, home); // mounted, but its container was removed
        Files.createDirectories(home.resolve("half/upper")); // a create a crash interrupted
        Files.writeString(home.resolve("stray-file"), "x");
        Path orphanMount = home.resolve("orphan/merged"); // mounted, yet its directory holds nothing else
        Files.createDirectories(orphanMount);
        mounts.existing("overlay", orphanMount, "");
        mounts.calls.clear();

        restarted().restore(Set.of("known"), home);

        assertEquals(Set.of("unmount " + gone, "unmount " + orphanMount), Set.copyOf(mounts.calls));
        try (var entries = Files.list(home)) {
            assertEquals(List.of(home.resolve("known")), entries.toList());
        }
        assertEquals(List.of(home.resolve("known/merged")),
                mounts.table.stream().map(MountTable.Mount::mountPoint).toList());
    }

    @Test
    void restoreKeepsWhatThisInstanceCreatedAfterTheEngineTookItsList() throws IOException {
        driver.create("c1", image, home);
        driver.restore(Set.of(), home);
        assertTrue(Files.isDirectory(home.resolve("c1/upper")));
        assertEquals(1, mounts.table.size());

        driver.remove("c1", home);
        driver.create("c2", image, home);
        restarted().restore(Set.of(), home);
        assertFalse(Files.exists(home.resolve("c2")));
    }

    @Test
    void restoreReportsEachBrokenContainerAndStillHandlesTheOthers() throws IOException {
        driver.create("ok", image, home);
        driver.create("nolayer", image, home);
        mounts.table.clear(); // a reboot
        Files.delete(home.resolve("nolayer/layer.json"));
        Files.createDirectories(home.resolve("leftover"));
        mounts.calls.clear();

        IOException e = assertThrows(IOException.class,
                () -> restarted().restore(Set.of("ok", "nolayer", "missing"), home));

        assertTrue(e.getMessage().contains("container nolayer") && e.getMessage().contains("layer.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("container missing"), e.getMessage());
        assertFalse(e.getMessage().contains("container ok"), e.getMessage());
        assertEquals(List.of(mountCall("ok")), mounts.calls);
        assertFalse(Files.exists(home.resolve("leftover")));
        assertTrue(Files.isDirectory(home.resolve("nolayer/upper")), "a known container's data is never deleted");
    }

    @Test
    void restoreRefusesToRemountWithoutItsUpperLayer() throws IOException {
        driver.create("c1", image, home);
        mounts.table.clear();
        Files.delete(home.resolve("c1/upper"));
        mounts.calls.clear();

        IOException e = assertThrows(IOException.class, () -> restarted().restore(Set.of("c1"), home));

        assertTrue(e.getMessage().contains("container c1") && e.getMessage().contains("upper"), e.getMessage());
        assertTrue(mounts.calls.isEmpty());
    }

    @Test
    void restoreWithoutAHome() throws IOException {
        restarted().restore(Set.of(), home);
        IOException e = assertThrows(IOException.class, () -> restarted().restore(Set.of("c1"), home));
        assertTrue(e.getMessage().contains("c1") && e.getMessage().contains(home.toString()), e.getMessage());
    }
}
