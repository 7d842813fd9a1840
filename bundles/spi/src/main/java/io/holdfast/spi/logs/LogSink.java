package io.holdfast.spi.logs;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives log entries. {@link #caughtUp()} marks the end of each batch read from the file, so a streaming consumer
 * knows when to flush: after the backlog, and after each group of new lines while following.
 */
@ConsumerType
public interface LogSink extends Consumer<LogEntry> {
    /** Everything written so far has been handed on. */
    default void caughtUp() {
    }
}
