package io.holdfast.network.bridge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address with a prefix length, as written in CIDR notation ({@code 10.10.0.0/16}), with the arithmetic the
 * address pools need: is it a network address, do two networks overlap, which is the n-th subnet's first host.
 */
record Ipv4Network(long address, int prefix) {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** The network written as {@code text}, or {@code null} when it is not IPv4 CIDR notation. */
    static Ipv4Network parse(String text) {
        Matcher m = CIDR.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(5)) > 32) {
            return null;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            address = address << 8 | octet;
        }
        return new Ipv4Network(address, Integer.parseInt(m.group(5)));
    }

    private long mask() {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    /** The same prefix with the host bits cleared: {@code 10.10.0.0/16} for {@code 10.10.3.7/16}. */
    Ipv4Network network() {
        return new Ipv4Network(address & mask(), prefix);
    }

    boolean isNetworkAddress() {
        return network().equals(this);
    }

    /** Whether any address lies in both networks; for networks, one then contains the other. */
    boolean overlaps(Ipv4Network other) {
        int shorter = Math.min(prefix, other.prefix);
        long mask = new Ipv4Network(0, shorter).mask();
        return (address & mask) == (other.address & mask);
    }

    /** The first host of this network's first subnet of {@code size} prefix bits: {@code 10.10.0.1/24} for size 24. */
    String firstHostOfFirstSubnet(int size) {
        return new Ipv4Network(network().address + 1, size).toString();
    }

    @Override
    public String toString() {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255)
                + "/" + prefix;
    }
}
