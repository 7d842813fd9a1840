package io.holdfast.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnmounterTest {
    private final FakeMounts mounts = new FakeMounts();
    private final Unmounter unmounter = new Unmounter(mounts, 3, Duration.ZERO);
    private final Path dir = Path.of("/data/overlay/c1");

    @Test
    void unmountsDeepestAndTopmostFirstAndNothingOutside() throws IOException {
        mounts.existing("overlay", Path.of("/data/overlay/c2/merged"), "");
        mounts.existing("tmpfs", dir.resolve("merged"), "");
        mounts.existing("overlay", dir.resolve("merged"), "");
        mounts.existing("proc", dir.resolve("merged/proc"), "");

        unmounter.unmountAll(dir, "c1");

        assertEquals(List.of("unmount " + dir.resolve("merged/proc"), "unmount " + dir.resolve("merged"),
                "unmount " + dir.resolve("merged")), mounts.calls);
        assertEquals(List.of(Path.of("/data/overlay/c2/merged")),
                mounts.table.stream().map(MountTable.Mount::mountPoint).toList());
    }

    @Test
    void retriesABusyMountWithoutDetachingIt() throws IOException {
        mounts.existing("overlay", dir.resolve("merged"), "");
        mounts.busy.put(dir.resolve("merged"), 2);

        unmounter.unmountAll(dir, "c1");

        assertEquals(3, mounts.calls.size());
        assertTrue(mounts.calls.stream().allMatch(c -> c.startsWith("unmount ")), mounts.calls.toString());
        assertTrue(mounts.table.isEmpty());
    }

    @Test
    void detachesLazilyOnlyWhenItStaysBusy() throws IOException {
        mounts.existing("overlay", dir.resolve("merged"), "");
        mounts.busy.put(dir.resolve("merged"), 99);

        unmounter.unmountAll(dir, "c1");

        String merged = dir.resolve("merged").toString();
        assertEquals(List.of("unmount " + merged, "unmount " + merged, "unmount " + merged, "detach " + merged),
                mounts.calls);
        assertTrue(mounts.table.isEmpty());
    }

    @Test
    void nothingMountedMeansNoCalls() throws IOException {
        unmounter.unmountAll(dir, "c1");
        assertTrue(mounts.calls.isEmpty());
    }
}
