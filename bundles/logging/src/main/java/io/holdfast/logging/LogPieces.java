package io.holdfast.logging;

import io.holdfast.spi.logs.LogEntry;
import java.util.function.Consumer;

/** Turns the k8s-file lines a cursor reads into the log entries a reader gets. */
interface LogPieces {
    void accept(K8sFileLine line);

    /** The reading has reached the end for good: hand on whatever is still held back. */
    void flush();

    /** Whole lines ({@link LogAssembler}), or with {@code asWritten} every piece at once, marked partial or not. */
    static LogPieces of(boolean asWritten, Consumer<LogEntry> sink) {
        if (!asWritten) {
            return new LogAssembler(sink);
        }
        return new LogPieces() {
            @Override
            public void accept(K8sFileLine line) {
                sink.accept(new LogEntry(line.time(), line.stream(), line.content(), !line.last()));
            }

            @Override
            public void flush() {
            }
        };
    }
}
