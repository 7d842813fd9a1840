package io.holdfast.routes;

import io.holdfast.common.text.DockerTime;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogSink;
import java.time.Instant;

/**
 * {@code logs?since=&until=}: passes on the entries written in the window, by the time the monitor stamped on each.
 * Applied after {@code tail}, as Docker does: {@code --tail 5 --since 1h} shows those of the last five lines that
 * are less than an hour old.
 */
final class LogWindow implements LogSink {
    private final LogSink target;
    private final Instant since;
    private final Instant until;

    LogWindow(LogSink target, Instant since, Instant until) {
        this.target = target;
        this.since = since;
        this.until = until;
    }

    /** A Docker time argument; absent, empty or {@code 0} means no bound. */
    static Instant bound(String name, String value, Instant now) {
        if (value == null || value.isBlank() || value.strip().equals("0")) {
            return null;
        }
        try {
            return DockerTime.parse(value, now);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, name + ": " + invalid.getMessage());
        }
    }

    @Override
    public void accept(LogEntry entry) {
        if ((since == null || !entry.time().isBefore(since)) && (until == null || !entry.time().isAfter(until))) {
            target.accept(entry);
        }
    }

    @Override
    public void caughtUp() {
        target.caughtUp();
    }
}
