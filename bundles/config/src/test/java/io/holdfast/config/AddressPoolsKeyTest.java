package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.config.AddressPool;
import io.holdfast.spi.config.DaemonConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** default-address-pools: validated like Docker's, and the bridge's address when bip is not set. */
class AddressPoolsKeyTest {
    @TempDir
    Path dir;

    private DaemonJson json;

    @BeforeEach
    void setUp() {
        json = new DaemonJson(dir);
    }

    private String pools(String items) {
        return "{\n  \"default-address-pools\": [" + items + "]\n}";
    }

    @Test
    void withoutPoolsOrBipTheBridgeKeepsItsDefault() throws Exception {
        DaemonConfig config = json.read("{}");
        assertEquals(List.of(), config.defaultAddressPools());
        assertEquals("172.30.0.1/16", config.bip());
        assertEquals("172.30.0.1/16", json.read(pools("")).bip());
    }

    @Test
    void withoutBipTheBridgeTakesTheFirstSubnetOfTheFirstPool() throws Exception {
        DaemonConfig config = json.read(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24}, "
                + "{\"base\": \"10.20.0.0/16\", \"size\": 20}"));
        assertEquals(List.of(new AddressPool("10.10.0.0/16", 24), new AddressPool("10.20.0.0/16", 20)),
                config.defaultAddressPools());
        assertEquals("10.10.0.1/24", config.bip());
        assertEquals("192.168.0.1/16", json.read(pools("{\"base\": \"192.168.0.0/16\", \"size\": 16}")).bip());
    }

    @Test
    void bipWinsOverThePools() throws Exception {
        DaemonConfig config = json.read("{\"bip\": \"10.99.0.1/24\", "
                + "\"default-address-pools\": [{\"base\": \"10.10.0.0/16\", \"size\": 24}]}");
        assertEquals("10.99.0.1/24", config.bip());
        assertEquals(List.of(new AddressPool("10.10.0.0/16", 24)), config.defaultAddressPools());
    }

    @Test
    void baseMustBeAnIpv4NetworkAddress() throws Exception {
        String at = "daemon.json:2:3: key \"default-address-pools\": item [0]: \"base\": ";
        assertEquals(at + "10.10.1.0/16 has host bits set; the network is 10.10.0.0/16",
                json.error(pools("{\"base\": \"10.10.1.0/16\", \"size\": 24}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found \"10.10.0.0\"",
                json.error(pools("{\"base\": \"10.10.0.0\", \"size\": 24}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found \"fd00::/8\"",
                json.error(pools("{\"base\": \"fd00::/8\", \"size\": 64}")));
        assertEquals(at + "expected an IPv4 network such as \"10.10.0.0/16\", found nothing",
                json.error(pools("{\"size\": 24}")));
        assertEquals(at + "10.10.10.0/31 is too small to cut subnets from; expected a prefix length of at most 30",
                json.error(pools("{\"base\": \"10.10.10.0/31\", \"size\": 31}")));
    }

    @Test
    void sizeMustLieBetweenTheBasePrefixAnd30() throws Exception {
        String at = "daemon.json:2:3: key \"default-address-pools\": item [0]: \"size\": expected a whole number from "
                + "16 (the prefix of base 10.10.0.0/16) to 30, found ";
        assertEquals(at + "8", json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 8}")));
        assertEquals(at + "31", json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 31}")));
        assertEquals(at + "24.5", json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24.5}")));
        assertEquals(at + "\"24\"", json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": \"24\"}")));
        assertEquals(at + "nothing", json.error(pools("{\"base\": \"10.10.0.0/16\"}")));
        assertEquals(30, json.read(pools("{\"base\": \"10.10.0.0/16\", \"size\": 30}")).defaultAddressPools()
                .get(0).size());
    }

    @Test
    void unknownFieldsAreErrors() throws Exception {
        assertEquals("daemon.json:2:3: key \"default-address-pools\": item [0]: unknown field \"scope\"; "
                + "fields are base, size",
                json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24, \"scope\": \"local\"}")));
    }

    @Test
    void overlappingPoolsNameBothItems() throws Exception {
        assertEquals("daemon.json:2:3: key \"default-address-pools\": item [2]: base 10.10.0.0/16 overlaps item [0], "
                + "base 10.0.0.0/8", json.error(pools("{\"base\": \"10.0.0.0/8\", \"size\": 24}, "
                + "{\"base\": \"172.20.0.0/16\", \"size\": 24}, {\"base\": \"10.10.0.0/16\", \"size\": 24}")));
        assertEquals("daemon.json:2:3: key \"default-address-pools\": item [1]: base 10.10.0.0/16 overlaps item [0], "
                + "base 10.10.0.0/16", json.error(pools("{\"base\": \"10.10.0.0/16\", \"size\": 24}, "
                + "{\"base\": \"10.10.0.0/16\", \"size\": 20}")));
    }

    @Test
    void wrongShapesSayWhatWasExpected() throws Exception {
        assertEquals("daemon.json:1:2: key \"default-address-pools\": expected an array such as "
                + "[{\"base\": \"10.10.0.0/16\", \"size\": 24}], found {\"base\":\"10.10.0.0/16\",\"size\":24}",
                json.error("{\"default-address-pools\": {\"base\": \"10.10.0.0/16\", \"size\": 24}}"));
        assertEquals("daemon.json:2:3: key \"default-address-pools\": item [0]: expected an object such as "
                + "{\"base\": \"10.10.0.0/16\", \"size\": 24}, found \"10.10.0.0/16\"",
                json.error(pools("\"10.10.0.0/16\"")));
    }
}
