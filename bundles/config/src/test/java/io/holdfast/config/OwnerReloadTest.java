package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.SettingChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reload hands to the components that own keys, and what it only reports. */
class OwnerReloadTest {
    private static final List<ConfigKey> KEYS = List.of(FakeKeys.restart("width"), FakeKeys.live("depth"));
    private static final Map<String, Object> RUNNING = Map.of("width", 1, "depth", 2);

    private static OwnerReload plan(Map<String, Object> candidate, Map<String, Object> running, boolean published) {
        return OwnerReload.plan(Map.of("net", candidate), owner -> KEYS, owner -> running, owner -> published);
    }

    @Test
    void aChangedLiveKeyIsHandedOverWithTheRestartKeysAsTheyRun() {
        OwnerReload reload = plan(Map.of("width", 5, "depth", 3), RUNNING, true);
        assertEquals(List.of(new SettingChange("depth", "2", "3")), reload.reloadable());
        assertEquals(List.of(new SettingChange("width", "1", "5")), reload.needsRestart());
        assertEquals(Map.of("net", Map.of("width", 1, "depth", 3)), reload.publish());
    }

    @Test
    void onlyRestartKeysChangedHandsNothingOver() {
        OwnerReload reload = plan(Map.of("width", 5, "depth", 2), RUNNING, true);
        assertEquals(List.of(new SettingChange("width", "1", "5")), reload.needsRestart());
        assertEquals(Map.of(), reload.publish(), "a new ComponentConfig would be a change the owner cannot take");
    }

    @Test
    void anOwnerThatNeverRanGetsTheFileAsItIsWithNoChangesReported() {
        OwnerReload reload = plan(Map.of("width", 5, "depth", 3), null, false);
        assertEquals(List.of(), reload.reloadable());
        assertEquals(List.of(), reload.needsRestart());
        assertEquals(Map.of("net", Map.of("width", 5, "depth", 3)), reload.publish());
    }

    @Test
    void anOwnerLeftUnconfiguredByABadValueGetsItsValuesOnceTheFileIsFixed() {
        OwnerReload reload = plan(Map.of("width", 5, "depth", 2), RUNNING, false);
        assertEquals(Map.of("net", Map.of("width", 1, "depth", 2)), reload.publish(),
                "its restart keys still wait: an updated bundle comes back to what it ran with");
    }
}
