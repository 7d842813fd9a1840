package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** default-address-pools: validated like Docker's, and the bridge's address when bip is not set. */
class AddressPoolsKeyTest {

    private static String pools(String items) {
        return "{\n  \"default-address-pools\": [" + items + "]\n}";
    }

    @Test
    void withoutPoolsOrBipTheBridgeKeepsItsDefault() throws Exception {
        BridgeSettings settings = BridgeJson.read("{}");
        assertEquals(List.of(), settings.pools());
        assertEquals("172.30.0.1/16", settings.bip());
        assertEquals("172.30.0.1/16", BridgeJson.read(pools("")).bip());
    }

    @Test
    void withoutBipTheBridgeTakesTheFirstSubnetOfTheFirstPool() throws Exception {
        BridgeSettings settings = BridgeJson.read(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24}, "
                + "{\"base\": \"10.20.0.0/16\", \"size\": 20}"));
        assertEquals(List.of(Map.of("base", "10.10.0.0/16", "size", 24), Map.of("base", "10.20.0.0/16", "size", 20)),
                settings.pools());
        assertEquals("10.10.0.1/24", settings.bip());
        assertEquals("192.168.0.1/16", BridgeJson.read(pools("{\"base\": \"192.168.0.0/16\", \"size\": 16}")).bip());
    }

    @Test
    void bipWinsOverThePools() throws Exception {
        BridgeSettings settings = BridgeJson.read("{\"bip\": \"10.99.0.1/24\", "
                + "\"default-address-pools\": [{\"base\": \"10.10.0.0/16\", \"size\": 24}]}");
        assertEquals("10.99.0.1/24", settings.bip());
        assertEquals(List.of(Map.of("base", "10.10.0.0/16", "size", 24)), settings.pools());
    }

    @Test
    void baseMustBeAnIpv4NetworkAddress() throws Exception {
        String at = "key \"default-address-pools\": item [0]: \"base\": ";
        assertEquals(at + "10.10.1.0/16 has host bits set; the network is 10.10.0.0/16",
                BridgeJson.error(pools("{\"base\": \"10.10.1.0/16\", \"size\": 24}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found \"10.10.0.0\"",
                BridgeJson.error(pools("{\"base\": \"10.10.0.0\", \"size\": 24}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found \"fd00::/8\"",
                BridgeJson.error(pools("{\"base\": \"fd00::/8\", \"size\": 64}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found nothing",
                BridgeJson.error(pools("{\"size\": 24}")));
        assertEquals(at + "10.10.10.0/31 is too small to cut subnets from; expected a prefix length of at most 30",
                BridgeJson.error(pools("{\"base\": \"10.10.10.0/31\", \"size\": 31}")));
    }

    @Test
    void sizeMustLieBetweenTheBasePrefixAnd30() throws Exception {
        String at = "key \"default-address-pools\": item [0]: \"size\": expected a whole number from "
                + "16 (the prefix of base 10.10.0.0/16) to 30, found ";
        assertEquals(at + "8", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 8}")));
        assertEquals(at + "31", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 31}")));
        assertEquals(at + "24.5", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24.5}")));
        assertEquals(at + "\"24\"", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": \"24\"}")));
        assertEquals(at + "nothing", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\"}")));
        assertEquals(30, BridgeJson.read(pools("{\"base\": \"10.10.0.0/16\", \"size\": 30}")).pools()
                .get(0).get("size"));
    }

    @Test
    void unknownFieldsAreErrors() throws Exception {
        assertEquals("key \"default-address-pools\": item [0]: unknown field \"scope\"; "
                + "fields are base, size",
                BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24, \"scope\": \"local\"}")));
    }

    @Test
    void overlappingPoolsNameBothItems() throws Exception {
        assertEquals("key \"default-address-pools\": item [2]: base 10.10.0.0/16 overlaps item [0], "
                + "base 10.0.0.0/8", BridgeJson.error(pools("{\"base\": \"10.0.0.0/8\", \"size\": 24}, "
                + "{\"base\": \"172.20.0.0/16\", \"size\": 24}, {\"base\": \"10.10.0.0/16\", \"size\": 24}")));
        assertEquals("key \"default-address-pools\": item [1]: base 10.10.0.0/16 overlaps item [0], "
                + "base 10.10.0.0/16", BridgeJson.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24}, "
                + "{\"base\": \"10.10.0.0/16\", \"size\": 20}")));
    }

    @Test
    void wrongShapesSayWhatWasExpected() throws Exception {
        assertEquals("key \"default-address-pools\": expected an array such as "
                + "[{\"base\": \"10.10.0.0/16\", \"size\": 24}], found {\"base\":\"10.10.0.0/16\",\"size\":24}",
                BridgeJson.error("{\"default-address-pools\": {\"base\": \"10.10.0.0/16\", \"size\": 24}}"));
        assertEquals("key \"default-address-pools\": item [0]: expected an object such as "
                + "{\"base\": \"10.10.0.0/16\", \"size\": 24}, found \"10.10.0.0/16\"",
                BridgeJson.error(pools("\"10.10.0.0/16\"")));
    }
}
