package io.holdfast.routes;

import java.util.List;

/**
 * The lines one turn of an event stream sends, as the one array a write takes. The streams of one fan-out take the
 * same lines in the same order (a {@code stop}'s kill, die and stop), so the last join is kept and handed to the next
 * stream that takes the same: 3,333 streams used to copy and grow a buffer each, hundreds of megabytes a second for
 * the collector. Not thread-safe: the event streams' timer thread is its only user. The arrays are shared and never
 * changed.
 */
final class JoinedLines {
    private byte[][] lastParts = new byte[0][];
    private byte[] last = new byte[0];

    byte[] join(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        if (isLast(parts)) {
            return last;
        }
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        lastParts = parts.toArray(new byte[0][]);
        last = joined;
        return joined;
    }

    private boolean isLast(List<byte[]> parts) {
        if (parts.size() != lastParts.length) {
            return false;
        }
        for (int i = 0; i < lastParts.length; i++) {
            if (parts.get(i) != lastParts[i]) {
                return false;
            }
        }
        return true;
    }
}
