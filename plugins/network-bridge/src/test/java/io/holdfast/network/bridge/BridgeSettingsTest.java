package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bridge, bip and mtu: defaults, checks, and the checked values parsing back to the same settings. */
class BridgeSettingsTest {

    @Test
    void absentKeysTakeDockerLikeDefaults() throws Exception {
        assertEquals(new BridgeSettings("holdfast0", "172.30.0.1/16", 1500, List.of()), BridgeJson.read("{}"));
    }

    @Test
    void setKeysAreTaken() throws Exception {
        assertEquals(new BridgeSettings("hf-test0", "10.200.0.1/24", 1400, List.of()),
                BridgeJson.read("{\"bridge\": \"hf-test0\", \"bip\": \"10.200.0.1/24\", \"mtu\": 1400}"));
    }

    @Test
    void badValuesNameTheKeyAndWhatWasFound() throws Exception {
        assertEquals("key \"bip\": expected an IPv4 address with a prefix length from 8 to 30, such as "
                + "\"172.30.0.1/16\", found \"10.200.0.300/24\"", BridgeJson.error("{\"bip\": \"10.200.0.300/24\"}"));
        assertEquals("key \"bip\": expected an IPv4 address with a prefix length from 8 to 30, such as "
                + "\"172.30.0.1/16\", found \"10.0.0.1/31\"", BridgeJson.error("{\"bip\": \"10.0.0.1/31\"}"));
        assertEquals("key \"bridge\": \"a-name-that-is-far-too-long\" is not a valid interface name "
                + "(1-15 of a-z A-Z 0-9 _ . -)", BridgeJson.error("{\"bridge\": \"a-name-that-is-far-too-long\"}"));
        assertEquals("key \"mtu\": expected a whole number from 576 to 65535, found 70000",
                BridgeJson.error("{\"mtu\": 70000}"));
        assertEquals("key \"mtu\": expected a whole number from 576 to 65535, found 1400.0",
                BridgeJson.error("{\"mtu\": 1400.0}"));
        assertEquals("key \"mtu\": expected a whole number from 576 to 65535, found \"1400\"",
                BridgeJson.error("{\"mtu\": \"1400\"}"));
    }

    @Test
    void checkedValuesParseBackToTheSameSettings() throws Exception {
        BridgeSettings fromPools = BridgeJson.read("{\"default-address-pools\": [{\"base\": \"10.10.0.0/16\", "
                + "\"size\": 24}], \"mtu\": 9000}");
        assertEquals(fromPools, BridgeSettings.parse(fromPools.values()));
        assertEquals(Map.of("bridge", "holdfast0", "bip", "10.10.0.1/24", "mtu", 9000, "default-address-pools",
                List.of(Map.of("base", "10.10.0.0/16", "size", 24))), fromPools.values());
    }
}
