package io.holdfast.network.bridge;

/**
 * MAC addresses derived from IPv4 addresses the way Docker does ({@code 02:42:} then the four address bytes, e.g.
 * {@code 02:42:ac:1e:00:05} for {@code 172.30.0.5}): locally administered, unicast, and the same whenever an address
 * is reused, so a neighbour's ARP cache is never wrong about who has it.
 */
final class MacAddresses {
    private MacAddresses() {
    }

    static String of(int address) {
        return String.format("02:42:%02x:%02x:%02x:%02x", address >>> 24, (address >>> 16) & 0xff,
                (address >>> 8) & 0xff, address & 0xff);
    }
}
