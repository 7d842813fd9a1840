package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.volume.VolumeDriver;
import io.holdfast.supervisor.state.DataRootLayout;
import io.holdfast.supervisor.volumes.VolumeService;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A volume driver's part of a restore: it gets every volume recorded with it; and which volume drivers a container
 * needs (a container whose volume driver is missing is held as needing attention, like one whose storage driver is).
 */
record VolumeRestore(VolumeService volumes) {
    /** The plugin kind in restore reports and plans. */
    static final String KIND = "volume";

    PluginCheck restore(VolumeDriver driver, DataRootLayout layout) {
        Map<String, Map<String, String>> ofDriver = volumes.ofDriver(driver.name());
        try {
            driver.restore(ofDriver, layout.volumeHome(driver.name()));
            return new PluginCheck(KIND, driver.name(), true, ofDriver.size() + " volume(s)", Map.of());
        } catch (IOException | RuntimeException e) {
            return new PluginCheck(KIND, driver.name(), false, String.valueOf(e.getMessage()), Map.of());
        }
    }

    static Set<String> driversOf(ContainerRecord record) {
        Set<String> drivers = new TreeSet<>();
        record.spec().mounts().stream().filter(m -> m.type() == MountSpec.Type.VOLUME)
                .map(m -> m.volume().driver()).filter(d -> !d.isEmpty()).forEach(drivers::add);
        return drivers;
    }
}
