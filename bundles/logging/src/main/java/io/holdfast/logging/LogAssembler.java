package io.holdfast.logging;

import io.holdfast.spi.logs.LogEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins partial k8s-file lines back into the lines the container wrote, per stream. A line still unfinished when
 * the reading ends (output without a final newline, {@code printf abc}) is handed on by {@link #flush}, marked
 * {@link LogEntry#partial() partial}: no newline was written after it, and none is added (as Docker's json-file).
 */
final class LogAssembler implements LogPieces {
    /**
     * The most of one line held in memory: past it the line is handed on in pieces marked partial, as Docker's
     * json-file splits lines at 16 KiB, so a container writing a gigabyte without a newline cannot fill the heap.
     * The stream a client reads is the same bytes either way.
     */
    static final int MAX_HELD = 16 * 1024;

    private final Map<String, StringBuilder> pending = new HashMap<>();
    private final Map<String, java.time.Instant> pendingSince = new HashMap<>();
    private final Consumer<LogEntry> sink;

    LogAssembler(Consumer<LogEntry> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(K8sFileLine line) {
        StringBuilder partial = pending.get(line.stream());
        if (!line.last()) {
            StringBuilder held = pending.computeIfAbsent(line.stream(), s -> new StringBuilder());
            held.append(line.content());
            pendingSince.putIfAbsent(line.stream(), line.time());
            if (held.length() >= MAX_HELD) {
                sink.accept(new LogEntry(pendingSince.remove(line.stream()), line.stream(), held.toString(), true));
                pending.remove(line.stream());
            }
            return;
        }
        if (partial == null) {
            sink.accept(new LogEntry(line.time(), line.stream(), line.content()));
        } else {
            sink.accept(new LogEntry(pendingSince.remove(line.stream()), line.stream(), partial + line.content()));
            pending.remove(line.stream());
        }
    }

    /** Hands on what is pending of unfinished lines, as lines: the reader has reached the end for good. */
    @Override
    public void flush() {
        for (String stream : java.util.List.copyOf(pending.keySet())) {
            sink.accept(new LogEntry(pendingSince.remove(stream), stream, pending.remove(stream).toString(), true));
        }
    }
}
