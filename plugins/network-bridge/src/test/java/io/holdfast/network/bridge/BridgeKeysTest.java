package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.InvalidValueException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the bridge declares about its keys, and its look at the host's links before it accepts a bridge name. */
class BridgeKeysTest {
    private static final BridgeKeys NO_LINKS = new BridgeKeys(name -> Optional.empty());

    @Test
    void declaresItsFourKeysAllWaitingForARestart() {
        assertEquals(java.util.List.of("bridge", "bip", "mtu", "default-address-pools"),
                NO_LINKS.keys().stream().map(ConfigKey::name).toList());
        assertFalse(NO_LINKS.keys().stream().anyMatch(ConfigKey::live), "running containers hold the bridge's settings");
        assertFalse(NO_LINKS.keys().stream().anyMatch(ConfigKey::isStorageOption));
    }

    @Test
    void anExistingBridgeOrNoLinkAtAllIsFine() throws Exception {
        assertEquals("hf9", NO_LINKS.check(Map.of("bridge", "hf9")).get("bridge"));
        assertEquals(1500, new BridgeKeys(name -> Optional.of("bridge")).check(Map.of()).get("mtu"));
    }

    @Test
    void aNameTakenByAnotherKindOfInterfaceIsRefused() {
        InvalidValueException veth = assertThrows(InvalidValueException.class,
                () -> new BridgeKeys(name -> Optional.of("veth")).check(Map.of("bridge", "eth9")));
        assertEquals("bridge", veth.key());
        assertEquals("network interface eth9 exists but is a veth, not a bridge", veth.getMessage());
        assertEquals("network interface eth9 exists but is a plain device, not a bridge", assertThrows(
                InvalidValueException.class, () -> new BridgeKeys(name -> Optional.of(""))
                        .check(Map.of("bridge", "eth9"))).getMessage());
    }

    @Test
    void aFailedLookupIsAProblemNotAPass() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new BridgeKeys(name -> {
            throw new IOException("ip timed out");
        }).check(Map.of()));
        assertEquals("cannot look up network interface holdfast0: ip timed out", e.getMessage());
    }
}
