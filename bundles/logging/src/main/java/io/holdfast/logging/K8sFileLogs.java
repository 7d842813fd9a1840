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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reads conmon's k8s-file logs. A follower reads what the file has, then sleeps until its directory changes
 * ({@link DirectoryChanges}: conmon appends from another process, possibly while this engine was down, and needs no
 * cooperation from it), so thousands of idle {@code logs -f} cost no CPU.
 */
@Component(service = ContainerLogs.class)
public class K8sFileLogs implements ContainerLogs {
    private DirectoryChanges changes;

    @Activate
    void activate() throws IOException {
        changes = new DirectoryChanges();
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        changes.close();
    }

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
                follow(logFile, cursor, pieces, until, sink);
            }
        }
    }

    private void follow(Path logFile, LogFileCursor cursor, LogPieces assembler, CompletionStage<?> until,
            LogSink sink) throws IOException {
        AtomicBoolean ended = new AtomicBoolean(until == null);
        try (DirectoryChanges.Interest interest = changes.watch(logFile)) {
            if (until != null) {
                until.whenComplete((value, error) -> {
                    ended.set(true);
                    interest.wake();
                });
            }
            while (true) {
                boolean endedBeforeRead = ended.get();
                long mark = interest.mark();
                cursor.readAvailable(assembler::accept);
                sink.caughtUp();
                if (endedBeforeRead) {
                    assembler.flush(); // everything written before the exit has now been read, unfinished lines too
                    sink.caughtUp();
                    return;
                }
                interest.awaitChangeSince(mark);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped following");
        }
    }
}
