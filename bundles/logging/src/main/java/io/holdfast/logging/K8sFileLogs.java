package io.holdfast.logging;

import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogQuery;
import io.holdfast.spi.logs.LogSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Component;

/**
 * Reads conmon's k8s-file logs. Following polls the file for growth: conmon appends from another process, possibly
 * while this engine was down, and polling needs no cooperation from it.
 */
@Component(service = ContainerLogs.class)
public class K8sFileLogs implements ContainerLogs {
    private static final long FOLLOW_POLL_MILLIS = 50;

    @Override
    public void read(Path logFile, LogQuery query, CompletionStage<?> until, LogSink sink)
            throws IOException {
        if (!Files.exists(logFile)) {
            if (!query.follow()) {
                return;
            }
            io.holdfast.common.io.Directories.createPrivate(logFile.getParent());
            Files.write(logFile, new byte[0], java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            io.holdfast.common.io.FileModes.set(logFile, io.holdfast.common.io.FileModes.PRIVATE_FILE);
        }
        try (LogFileCursor cursor = new LogFileCursor(logFile)) {
            if (query.tail() >= 0) {
                cursor.startNearLastLines(query.tail());
                LastLines last = new LastLines(query.tail());
                LogPieces keepLast = LogPieces.of(query.asWritten(), last::add);
                cursor.readAvailable(keepLast::accept);
                if (!query.follow()) {
                    keepLast.flush(); // the log's unfinished last line counts among the last ones
                }
                last.entries().forEach(sink);
            }
            LogPieces pieces = LogPieces.of(query.asWritten(), sink);
            if (query.tail() < 0) {
                cursor.readAvailable(pieces::accept);
                if (!query.follow()) {
                    pieces.flush();
                }
            }
            sink.caughtUp();
            if (query.follow()) {
                follow(cursor, pieces, until, sink);
            }
        }
    }

    private static void follow(LogFileCursor cursor, LogPieces assembler, CompletionStage<?> until, LogSink sink)
            throws IOException {
        AtomicBoolean ended = new AtomicBoolean(until == null);
        if (until != null) {
            until.whenComplete((value, error) -> ended.set(true));
        }
        while (true) {
            boolean endedBeforeRead = ended.get();
            cursor.readAvailable(assembler::accept);
            sink.caughtUp();
            if (endedBeforeRead) {
                assembler.flush(); // everything written before the exit has now been read, unfinished lines too
                sink.caughtUp();
                return;
            }
            try {
                Thread.sleep(FOLLOW_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped following");
            }
        }
    }
}
