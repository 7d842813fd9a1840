package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubnetTest {

    @Test
    void ipv4RoundTripsIncludingHighAddresses() {
        for (String text : new String[] {"0.0.0.0", "10.0.0.1", "172.30.0.1", "192.168.255.254", "255.255.255.255"}) {
            assertEquals(text, Ipv4.format(Ipv4.parse(text)));
        }
        assertEquals(0xC0A80001, Ipv4.parse("192.168.0.1"));
        assertEquals(0xFFFFFF00, Ipv4.mask(24));
        assertEquals(0, Ipv4.mask(0));
        assertEquals(-1, Ipv4.mask(32));
    }

    @Test
    void ipv4RejectsMalformedText() {
        for (String text : new String[] {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "a.b.c.d", "1..2.3",
                "1.2.3.4 ", "-1.2.3.4"}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(null));
    }

    @Test
    void parsesBipAsGatewayAndSubnet() {
        Subnet subnet = Subnet.parse("172.30.0.1/16");
        assertEquals("172.30.0.0/16", subnet.toString());
        assertEquals("172.30.0.1", Ipv4.format(subnet.gateway()));
        assertEquals("172.30.255.255", Ipv4.format(subnet.broadcast()));
        assertEquals("172.30.0.1", Ipv4.format(subnet.firstHost()));
        assertEquals("172.30.255.254", Ipv4.format(subnet.lastHost()));
        assertEquals(65533, subnet.assignableCount());
        assertEquals("172.30.0.1/16", subnet.gatewayCidr());
        assertEquals("172.30.4.2/16", subnet.cidr(Ipv4.parse("172.30.4.2")));
    }

    @Test
    void gatewayNeedNotBeTheFirstHost() {
        Subnet subnet = Subnet.parse("192.168.7.77/24");
        assertEquals("192.168.7.0/24", subnet.toString());
        assertTrue(subnet.assignable(Ipv4.parse("192.168.7.1")));
        assertFalse(subnet.assignable(Ipv4.parse("192.168.7.77")));
    }

    @Test
    void assignableExcludesNetworkBroadcastGatewayAndOutsiders() {
        Subnet subnet = Subnet.parse("10.1.2.1/24");
        assertFalse(subnet.assignable(Ipv4.parse("10.1.2.0")));
        assertFalse(subnet.assignable(Ipv4.parse("10.1.2.255")));
        assertFalse(subnet.assignable(Ipv4.parse("10.1.2.1")));
        assertFalse(subnet.assignable(Ipv4.parse("10.1.3.2")));
        assertTrue(subnet.assignable(Ipv4.parse("10.1.2.2")));
        assertTrue(subnet.assignable(Ipv4.parse("10.1.2.254")));
        assertTrue(subnet.contains(Ipv4.parse("10.1.2.255")));
        assertFalse(subnet.contains(Ipv4.parse("10.1.1.255")));
    }

    @Test
    void smallestAndLargestPrefixes() {
        Subnet thirty = Subnet.parse("10.0.0.1/30");
        assertEquals(1, thirty.assignableCount());
        assertTrue(thirty.assignable(Ipv4.parse("10.0.0.2")));
        Subnet eight = Subnet.parse("10.0.0.1/8");
        assertEquals((1L << 24) - 3, eight.assignableCount());
        assertEquals("10.255.255.255", Ipv4.format(eight.broadcast()));
    }

    @Test
    void rejectsBadBip() {
        for (String bip : new String[] {"172.30.0.1", "172.30.0.1/", "172.30.0.1/7", "172.30.0.1/31",
                "172.30.0.1/32", "172.30.0.0/16", "172.30.255.255/16", "10.0.0.3/30", "x/16", "172.30.0.1/1a"}) {
            assertThrows(IllegalArgumentException.class, () -> Subnet.parse(bip), bip);
        }
        assertThrows(IllegalArgumentException.class, () -> Subnet.parse(null));
    }
}
