package io.holdfast.supervisor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layout is what every earlier release wrote: a new engine adopts containers on an existing data root. */
class DataRootLayoutTest {
    private final DataRootLayout layout = new DataRootLayout(Path.of("/var/lib/holdfast"));

    @Test
    void containersAndStorageHomesAreWhereEarlierReleasesPutThem() {
        assertEquals(Path.of("/var/lib/holdfast/containers"), layout.containers());
        assertEquals(Path.of("/var/lib/holdfast/storage"), layout.storage());
        assertEquals(Path.of("/var/lib/holdfast/storage/overlay"), layout.storageHome("overlay"));
    }
}
