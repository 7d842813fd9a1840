package io.holdfast.logging;

import io.holdfast.spi.logs.LogEntry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps the entries of the last {@code n} lines ({@code logs --tail n}). A line read in pieces
 * ({@link LogEntry#partial()}) is one line however many entries it took, so a terminal's log gives whole lines too.
 */
final class LastLines {
    private final int n;
    private final Deque<LogEntry> kept = new ArrayDeque<>();
    private int lines;

    LastLines(int n) {
        this.n = n;
    }

    void add(LogEntry entry) {
        boolean startsLine = kept.isEmpty() || !kept.peekLast().partial();
        kept.addLast(entry);
        if (startsLine) {
            lines++;
        }
        while (lines > n) {
            dropFirstLine();
        }
    }

    private void dropFirstLine() {
        while (!kept.isEmpty()) {
            if (!kept.removeFirst().partial()) {
                break;
            }
        }
        lines--;
    }

    Deque<LogEntry> entries() {
        return kept;
    }
}
