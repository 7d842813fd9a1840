package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv4NetworkTest {
    @Test
    void parsesCidrAndPrintsItBack() {
        assertEquals("10.10.0.0/16", Ipv4Network.parse("10.10.0.0/16").toString());
        assertEquals("255.255.255.255/32", Ipv4Network.parse("255.255.255.255/32").toString());
        for (String bad : new String[] {"10.10.0.0", "10.10.0/16", "10.10.0.256/16", "10.10.0.0/33", "a.b.c.d/8",
                "10.10.0.0/16 "}) {
            assertNull(Ipv4Network.parse(bad), bad);
        }
    }

    @Test
    void hostBitsAreFoundAndCleared() {
        assertTrue(Ipv4Network.parse("10.10.0.0/16").isNetworkAddress());
        assertFalse(Ipv4Network.parse("10.10.1.0/16").isNetworkAddress());
        assertEquals("10.10.0.0/16", Ipv4Network.parse("10.10.1.0/16").network().toString());
        assertTrue(Ipv4Network.parse("0.0.0.0/0").isNetworkAddress());
    }

    @Test
    void overlapIsContainmentEitherWay() {
        Ipv4Network wide = Ipv4Network.parse("10.0.0.0/8");
        Ipv4Network inside = Ipv4Network.parse("10.10.0.0/16");
        Ipv4Network beside = Ipv4Network.parse("10.11.0.0/16");
        assertTrue(wide.overlaps(inside));
        assertTrue(inside.overlaps(wide));
        assertFalse(inside.overlaps(beside));
        assertTrue(inside.overlaps(inside));
    }

    @Test
    void firstHostOfFirstSubnetIsTheGateway() {
        assertEquals("10.10.0.1/24", Ipv4Network.parse("10.10.0.0/16").firstHostOfFirstSubnet(24));
        assertEquals("192.168.0.1/20", Ipv4Network.parse("192.168.0.0/16").firstHostOfFirstSubnet(20));
    }
}
