package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressPoolTest {
    @TempDir
    Path dir;

    private AddressPool open(String bip) throws IOException {
        return AddressPool.open(Subnet.parse(bip), new LeaseFile(dir.resolve("leases.json")));
    }

    private static String ip(int address) {
        return Ipv4.format(address);
    }

    @Test
    void allocatesInOrderSkippingTheGateway() throws IOException {
        AddressPool pool = open("10.0.0.1/24");
        assertEquals("10.0.0.2", ip(pool.allocate("a")));
        assertEquals("10.0.0.3", ip(pool.allocate("b")));
        assertEquals("10.0.0.2", ip(pool.allocate("a")), "a container keeps the address it holds");
        assertEquals(Optional.of(Ipv4.parse("10.0.0.3")), pool.leaseOf("b"));
        assertEquals(Optional.empty(), pool.leaseOf("c"));
    }

    @Test
    void exhaustionNeverHandsOutNetworkBroadcastOrGateway() throws IOException {
        AddressPool pool = open("10.0.0.9/28"); // 10.0.0.0 - 10.0.0.15, gateway in the middle
        Subnet subnet = pool.subnet();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 13; i++) {
            int address = pool.allocate("c" + i);
            assertTrue(subnet.assignable(address), ip(address));
            assertTrue(seen.add(address), "handed out twice: " + ip(address));
        }
        IOException full = assertThrows(IOException.class, () -> pool.allocate("one-more"));
        assertEquals("no free address in 10.0.0.0/28 (14 in use)", full.getMessage());
        assertEquals(13, pool.leases().size());
    }

    @Test
    void exhaustionMessageForAFullSlash24() throws IOException {
        AddressPool pool = open("172.30.0.1/24");
        for (int i = 0; i < 253; i++) {
            pool.allocate("c" + i);
        }
        assertEquals("no free address in 172.30.0.0/24 (254 in use)",
                assertThrows(IOException.class, () -> pool.allocate("x")).getMessage());
    }

    @Test
    void releasedAddressIsReusedOnlyAfterTheRestWrapsAround() throws IOException {
        AddressPool pool = open("10.0.0.1/29"); // hosts .1-.6, gateway .1: .2 .. .6 assignable
        assertEquals("10.0.0.2", ip(pool.allocate("a")));
        assertEquals("10.0.0.3", ip(pool.allocate("b")));
        assertTrue(pool.release("a"));
        assertFalse(pool.release("a"), "releasing twice is fine");
        assertEquals("10.0.0.4", ip(pool.allocate("c")), "goes on after the last, not back to .2");
        assertEquals("10.0.0.5", ip(pool.allocate("d")));
        assertEquals("10.0.0.6", ip(pool.allocate("e")));
        assertEquals("10.0.0.2", ip(pool.allocate("f")), "wraps around, skipping the gateway");
        assertThrows(IOException.class, () -> pool.allocate("g"));
        pool.release("c");
        assertEquals("10.0.0.4", ip(pool.allocate("g")));
    }

    @Test
    void leasesAndCursorSurviveANewInstance() throws IOException {
        AddressPool first = open("10.0.0.1/24");
        first.allocate("a");
        first.allocate("b");
        first.allocate("c");
        first.release("c");

        AddressPool second = open("10.0.0.1/24");
        assertEquals(Map.of("a", Ipv4.parse("10.0.0.2"), "b", Ipv4.parse("10.0.0.3")), second.leases());
        assertEquals("10.0.0.5", ip(second.allocate("d")), "the just released .4 is not reused first");
        assertEquals(Optional.of(Ipv4.parse("10.0.0.5")), open("10.0.0.1/24").leaseOf("d"));
    }

    @Test
    void highAddressesAllocateAndCompareUnsigned() throws IOException {
        AddressPool pool = open("192.168.200.1/24");
        pool.mark("running", Ipv4.parse("192.168.200.250"));
        assertEquals("192.168.200.251", ip(pool.allocate("a")));
        pool.mark("other", Ipv4.parse("192.168.200.3"));
        assertEquals("192.168.200.252", ip(pool.allocate("b")), "marking a lower address keeps the cursor");
    }

    @Test
    void markAfterALostLeaseFileKeepsRunningContainersAddresses() throws IOException {
        AddressPool before = open("10.0.0.1/24");
        before.allocate("a"); // .2
        before.allocate("b"); // .3
        before.allocate("c"); // .4
        Files.delete(dir.resolve("leases.json"));

        AddressPool after = open("10.0.0.1/24");
        assertTrue(after.leases().isEmpty());
        assertTrue(after.mark("b", Ipv4.parse("10.0.0.3")));
        assertTrue(after.mark("a", Ipv4.parse("10.0.0.2")));
        assertEquals(Map.of(), after.retainOnly(Set.of("a", "b")));
        int fresh = after.allocate("d");
        assertEquals("10.0.0.4", ip(fresh), "after the highest address in use, never .2 or .3");
        assertEquals(Set.of("a", "b", "d"), open("10.0.0.1/24").leases().keySet(), "marks are persisted");
    }

    @Test
    void restoreMarksWinOverStaleLeasesAndRetainReleasesTheRest() throws IOException {
        AddressPool pool = open("10.0.0.1/24");
        pool.allocate("gone");    // .2
        pool.allocate("stale");   // .3
        pool.allocate("kept");    // .4
        // the running container "moved" (stale file): it really has .3
        assertTrue(pool.mark("moved", Ipv4.parse("10.0.0.3")));
        assertTrue(pool.mark("kept", Ipv4.parse("10.0.0.4")));
        Map<String, Integer> released = pool.retainOnly(Set.of("moved", "kept"));
        assertEquals(Map.of("gone", Ipv4.parse("10.0.0.2")), released);
        assertEquals(Map.of("moved", Ipv4.parse("10.0.0.3"), "kept", Ipv4.parse("10.0.0.4")), pool.leases());
        assertEquals(pool.leases(), open("10.0.0.1/24").leases());
    }

    @Test
    void markIgnoresAddressesTheSubnetDoesNotHandOut() throws IOException {
        AddressPool pool = open("10.0.0.1/24");
        assertFalse(pool.mark("a", Ipv4.parse("10.0.1.5")));
        assertFalse(pool.mark("a", Ipv4.parse("10.0.0.1")));
        assertFalse(pool.mark("a", Ipv4.parse("10.0.0.255")));
        assertTrue(pool.leases().isEmpty());
    }

    @Test
    void markingMovesAContainersOwnLease() throws IOException {
        AddressPool pool = open("10.0.0.1/24");
        pool.allocate("a"); // .2
        pool.mark("a", Ipv4.parse("10.0.0.9"));
        assertEquals(Map.of("a", Ipv4.parse("10.0.0.9")), pool.leases());
        assertEquals("10.0.0.10", ip(pool.allocate("b")));
        assertEquals("10.0.0.11", ip(pool.allocate("c")));
    }

    @Test
    void failedSaveLeavesThePoolUnchanged() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        AddressPool pool = AddressPool.open(Subnet.parse("10.0.0.1/24"), new LeaseFile(blocker.resolve("leases.json")));
        assertThrows(IOException.class, () -> pool.allocate("a"));
        assertTrue(pool.leases().isEmpty());
        assertThrows(IOException.class, () -> pool.mark("a", Ipv4.parse("10.0.0.7")));
        assertTrue(pool.leases().isEmpty());
    }

    @Test
    void leasesOutsideANewSubnetDoNotBlockIt() throws IOException {
        AddressPool old = open("10.0.0.1/24");
        old.allocate("a"); // 10.0.0.2
        AddressPool renumbered = open("10.9.0.1/24");
        assertEquals("10.9.0.2", ip(renumbered.allocate("b")));
        assertEquals(Set.of("a", "b"), renumbered.leases().keySet());
    }

    @Test
    void restoreMarksAConnectedLeaseAsConnectedEvenIfTheFileForgotIt() throws IOException {
        LeaseFile file = new LeaseFile(dir.resolve("marks.json"));
        Subnet subnet = Subnet.parse("10.0.0.1/24");
        file.save(subnet, new LeaseFile.Contents(null, java.util.Map.of("app", Ipv4.parse("10.0.0.5"), "nb",
                Ipv4.parse("10.0.0.6")), java.util.Set.of("nb")));
        AddressPool pool = AddressPool.open(subnet, file);

        pool.mark("app", Ipv4.parse("10.0.0.5"), true);

        assertEquals(java.util.Set.of("app", "nb"), pool.connected());
        assertEquals(java.util.Set.of("app", "nb"), AddressPool.open(subnet, file).connected(), "saved");
        assertEquals(Ipv4.parse("10.0.0.5"), pool.leaseOf("app").orElseThrow());
        pool.release("nb");
        assertEquals(java.util.Set.of("app"), AddressPool.open(subnet, file).connected());
    }

    @Test
    void aRequestedAddressIsCheckedAgainstTheSubnetAndOtherLeases() throws IOException {
        LeaseFile file = new LeaseFile(dir.resolve("requested.json"));
        AddressPool pool = AddressPool.open(Subnet.parse("10.0.0.1/24"), file);
        assertEquals(Ipv4.parse("10.0.0.9"), pool.allocate("a", Ipv4.parse("10.0.0.9"), false));
        assertThrows(IllegalStateException.class, () -> pool.allocate("b", Ipv4.parse("10.0.0.9"), true));
        assertThrows(IllegalArgumentException.class, () -> pool.allocate("b", Ipv4.parse("10.0.1.9"), true));
        assertThrows(IllegalArgumentException.class, () -> pool.allocate("b", Ipv4.parse("10.0.0.1"), true),
                "the gateway");
        assertEquals(java.util.Set.of(), pool.connected(), "refusals change nothing");
        int any = pool.allocate("b", null, true);
        assertEquals(java.util.Set.of("b"), pool.connected());
        assertTrue(any != Ipv4.parse("10.0.0.9"));
    }
}
