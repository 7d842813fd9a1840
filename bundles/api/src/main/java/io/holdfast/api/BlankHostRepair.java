package io.holdfast.api;

import java.nio.ByteBuffer;

/**
 * Mends the request head the Docker 20.10 CLI sends when it hijacks a connection ({@code attach}, {@code exec start},
 * foreground {@code run}): Go's hijacking dialer writes {@code Host: } with an empty value, which Jetty refuses with
 * {@code 400 Blank Host} before any handler could answer (Docker's own daemon ignores the Host header on its socket).
 * Only the head of a connection's first request is looked at (the hijack always opens a fresh connection), so a
 * request body can never be touched; the space after {@code Host:} becomes a host name of one letter, in place.
 */
final class BlankHostRepair {
    private static final byte[] BLANK_HOST = {'\n', 'H', 'o', 's', 't', ':', ' ', '\r'};
    private static final int SPACE = 6;

    private boolean headSeen;
    /** How many bytes of {@code \r\n\r\n} the previous fill ended with. */
    private int endMatched;

    /** Repairs the bytes {@code [from, to)} of {@code buffer} just read, as long as the first head is not over. */
    void repair(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to && !headSeen; i++) {
            byte b = buffer.get(i);
            endMatched = b == "\r\n\r\n".charAt(endMatched) ? endMatched + 1 : b == '\r' ? 1 : 0;
            if (endMatched == 4) {
                headSeen = true;
            } else if (b == '\n' && matches(buffer, i, to)) {
                buffer.put(i + SPACE, (byte) 'h');
            }
        }
    }

    boolean done() {
        return headSeen;
    }

    private static boolean matches(ByteBuffer buffer, int at, int to) {
        if (at + BLANK_HOST.length > to || at + BLANK_HOST.length + 1 > to
                || buffer.get(at + BLANK_HOST.length) != '\n') {
            return false;
        }
        for (int j = 0; j < BLANK_HOST.length; j++) {
            if (buffer.get(at + j) != BLANK_HOST[j]) {
                return false;
            }
        }
        return true;
    }
}
