package io.holdfast.spi.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEnvironmentTest {
    private static final Map<String, String> CREATED_UNDER = ContainerEnvironment.of("/var/lib/holdfast", "overlay",
            Map.of(), Map.of("subnet", "10.1.0.0/24", "gateway", "10.1.0.1", "mtu", "1500"));

    @Test
    void flattensPluginSettingsUnderTheirKind() {
        assertEquals(Map.of("data-root", "/d", "storage-driver", "vfs", "storage.mountopt", "nodev",
                        "network.subnet", "10.1.0.0/24"),
                ContainerEnvironment.of("/d", "vfs", Map.of("mountopt", "nodev"), Map.of("subnet", "10.1.0.0/24")));
    }

    @Test
    void theSameSettingsAreNoChange() {
        assertEquals(List.of(), ContainerEnvironment.changes(CREATED_UNDER, Map.copyOf(CREATED_UNDER)));
    }

    @Test
    void namesEachChangedSettingWithBothValues() {
        Map<String, String> now = ContainerEnvironment.of("/var/lib/holdfast", "vfs", Map.of(),
                Map.of("subnet", "10.2.0.0/24", "gateway", "10.2.0.1", "mtu", "1500"));
        assertEquals(List.of("network.gateway was 10.1.0.1, now 10.2.0.1",
                        "network.subnet was 10.1.0.0/24, now 10.2.0.0/24",
                        "storage-driver was overlay, now vfs"),
                ContainerEnvironment.changes(CREATED_UNDER, now));
    }

    @Test
    void aSettingGoneIsAChangeANewOneIsNot() {
        Map<String, String> now = ContainerEnvironment.of("/var/lib/holdfast", "overlay", Map.of("new", "x"),
                Map.of("subnet", "10.1.0.0/24", "gateway", "10.1.0.1"));
        assertEquals(List.of("network.mtu was 1500, now unset"), ContainerEnvironment.changes(CREATED_UNDER, now));
    }

    @Test
    void aRecordWithoutEnvironmentHasNothingToCompare() {
        assertEquals(List.of(), ContainerEnvironment.changes(Map.of(), CREATED_UNDER));
    }
}
