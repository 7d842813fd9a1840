package io.holdfast.logging;

import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogQuery;
import io.holdfast.spi.logs.LogSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
                ArrayDeque<LogEntry> last = new ArrayDeque<>();
                LogAssembler keepLast = new LogAssembler(entry -> {
                    last.addLast(entry);
                    if (last.size() > query.tail()) {
                        last.removeFirst();
                    }
                });
                cursor.readAvailable(keepLast::accept);
                if (!query.follow()) {
                    keepLast.flush(); // the log's unfinished last line counts among the last ones
                }
                last.forEach(sink);
            }
            LogAssembler assembler = new LogAssembler(sink);
            if (query.tail() < 0) {
                cursor.readAvailable(assembler::accept);
                if (!query.follow()) {
                    assembler.flush();
                }
            }
            sink.caughtUp();
            if (query.follow()) {
                follow(cursor, assembler, until, sink);
            }
        }
    }

    private static void follow(LogFileCursor cursor, LogAssembler assembler, CompletionStage<?> until, LogSink sink)
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
