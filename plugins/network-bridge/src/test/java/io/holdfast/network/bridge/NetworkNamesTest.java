package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkNamesTest {
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void namesComeFromTheIdPrefix() {
        assertEquals("holdfast-0123456789ab", NetworkNames.namespace(ID));
        assertEquals("/run/netns/holdfast-0123456789ab", NetworkNames.namespacePath(ID));
        assertEquals("hf0123456789a", NetworkNames.hostVeth(ID));
        assertTrue(NetworkNames.hostVeth(ID).length() <= 15);
        assertTrue(NetworkNames.pair(NetworkNames.namespace(ID), NetworkNames.hostVeth(ID)));
        assertTrue(NetworkNames.isNamespace(NetworkNames.namespace(ID)));
        assertTrue(NetworkNames.isHostVeth(NetworkNames.hostVeth(ID)));
    }

    @Test
    void onlyHexIdsOfTwelveOrMoreCharactersHaveNames() {
        assertTrue(NetworkNames.valid(ID.substring(0, 12)));
        assertFalse(NetworkNames.valid(ID.substring(0, 11)));
        assertFalse(NetworkNames.valid("0123456789AB"));
        assertFalse(NetworkNames.valid("../../etc/x0"));
        assertFalse(NetworkNames.valid(null));
        assertThrows(IllegalArgumentException.class, () -> NetworkNames.namespace("short"));
    }

    @Test
    void recognisesOnlyItsOwnNames() {
        assertFalse(NetworkNames.isHostVeth("hft1a2b"));
        assertFalse(NetworkNames.isHostVeth("eth0"));
        assertFalse(NetworkNames.isNamespace("holdfast-xyz"));
        assertFalse(NetworkNames.pair("holdfast-ffffffffffff", "hf0123456789a"));
    }

    @Test
    void clashWhenTheFirstElevenCharactersAgree() {
        String other = ID.substring(0, 11) + "f" + ID.substring(12);
        assertTrue(NetworkNames.clash(ID, other));
        assertFalse(NetworkNames.clash(ID, ID));
        assertFalse(NetworkNames.clash(ID, "f" + ID.substring(1)));
    }

    @Test
    void aConnectedVethIsNamedPerContainerAndBridgeWithinFifteenCharacters() {
        String id = "0123456789ab".repeat(5) + "cdef";
        String veth = NetworkNames.connectedVeth(id, "hfbr0123456789a");
        assertTrue(veth.matches("hc[0-9a-f]{13}"), veth);
        assertTrue(NetworkNames.isConnectedVeth(veth));
        assertFalse(NetworkNames.isHostVeth(veth), "never mistaken for a first network's veth");
        assertFalse(NetworkNames.isConnectedVeth(NetworkNames.hostVeth(id)));
        assertNotEquals(veth, NetworkNames.connectedVeth(id, "hfbr0123456789b"), "one per network");
        assertNotEquals(veth, NetworkNames.connectedVeth("0123456789ab".repeat(5) + "cdee", "hfbr0123456789a"),
                "ids that share a long prefix differ");
        assertEquals(veth, NetworkNames.connectedVeth(id, "hfbr0123456789a"), "derived, so a restore finds it");
    }
}
