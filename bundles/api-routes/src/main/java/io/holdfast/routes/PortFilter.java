package io.holdfast.routes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value of Docker's {@code publish} and {@code expose} container filters: a port or a range, with an optional
 * protocol ({@code 8080}, {@code 53/udp}, {@code 8000-8080/tcp}); tcp when none is given.
 *
 * <pre>{@code PortFilter.parse("8000-8080").matchesAny(summary.ports(), "PublicPort")}</pre>
 */
record PortFilter(int first, int last, String protocol) {
    /** @throws IllegalArgumentException naming what is wrong */
    static PortFilter parse(String value) {
        int slash = value.indexOf('/');
        String protocol = slash < 0 ? "tcp" : value.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
            throw new IllegalArgumentException("unknown protocol \"" + protocol + "\"; expected tcp, udp or sctp");
        }
        String range = slash < 0 ? value : value.substring(0, slash);
        int dash = range.indexOf('-');
        int first = port(dash < 0 ? range : range.substring(0, dash));
        int last = dash < 0 ? first : port(range.substring(dash + 1));
        if (last < first) {
            throw new IllegalArgumentException("the range " + range + " ends before it starts");
        }
        return new PortFilter(first, last, protocol);
    }

    /** Whether any list entry's {@code side} ({@code PublicPort} or {@code PrivatePort}) falls in this filter. */
    boolean matchesAny(List<Object> ports, String side) {
        for (Object entry : ports == null ? List.of() : ports) {
            if (entry instanceof Map<?, ?> port && port.get(side) instanceof Number number
                    && protocol.equals(port.get("Type")) && number.intValue() >= first && number.intValue() <= last) {
                return true;
            }
        }
        return false;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a port number (1-65535)");
    }
}
