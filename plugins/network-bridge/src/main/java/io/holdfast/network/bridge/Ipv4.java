package io.holdfast.network.bridge;

/**
 * IPv4 addresses as {@code int}s (the 32 bits in network order, so {@code 10.0.0.1} is {@code 0x0A000001}). Ints
 * compare and count wrongly above {@code 127.255.255.255} when signed, so callers order them with
 * {@link Integer#compareUnsigned} or convert with {@link Integer#toUnsignedLong}. Pure arithmetic, never blocks.
 */
final class Ipv4 {
    private Ipv4() {
    }

    /** Parses dotted-quad notation, e.g. {@code 172.30.0.1}; rejects anything else (no leading zeros). */
    static int parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing IPv4 address");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        }
        int address = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
            }
            address = (address << 8) | Integer.parseInt(part);
        }
        return address;
    }

    /** Dotted-quad notation. */
    static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** The network mask for a prefix length from 0 to 32, e.g. {@code 0xFFFFFF00} for 24. */
    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }
}
