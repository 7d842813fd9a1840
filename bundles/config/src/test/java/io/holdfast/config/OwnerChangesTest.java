package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.SettingChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An owner's changes sorted by what it declared live, and the values it runs with after a reload. */
class OwnerChangesTest {
    private static final List<ConfigKey> KEYS = List.of(FakeKeys.restart("width"), FakeKeys.live("depth"),
            FakeKeys.restart("pools"));

    @Test
    void unchangedValuesAreNoChange() {
        Map<String, Object> values = Map.of("width", 1, "depth", 2, "pools", List.of(Map.of("size", 24)));
        assertTrue(OwnerChanges.classify(KEYS, values, Map.copyOf(values)).isEmpty());
    }

    @Test
    void changesAreSplitByWhatTheOwnerDeclaredInItsOrder() {
        ConfigUpdate changes = OwnerChanges.classify(KEYS, Map.of("width", 1, "depth", 2, "pools", List.of()),
                Map.of("width", 3, "depth", 4, "pools", List.of(Map.of("size", 24))));
        assertEquals(List.of(new SettingChange("depth", "2", "4")), changes.reloadable());
        assertEquals(List.of(new SettingChange("width", "1", "3"), new SettingChange("pools", "[]", "[{size=24}]")),
                changes.needsRestart());
    }

    @Test
    void afterAReloadLiveKeysAreNewAndTheOthersRunOnUntilARestart() {
        assertEquals(Map.of("width", 1, "depth", 4, "pools", List.of()), OwnerChanges.merge(KEYS,
                Map.of("width", 1, "depth", 2, "pools", List.of()), Map.of("width", 3, "depth", 4, "pools", List.of())));
    }

    @Test
    void aKeyTheOwnerDidNotHaveWhenItRanComesFromTheFile() {
        assertEquals(Map.of("width", 1, "depth", 2, "pools", List.of()), OwnerChanges.merge(KEYS,
                Map.of("width", 1, "depth", 0), Map.of("width", 3, "depth", 2, "pools", List.of())));
    }
}
