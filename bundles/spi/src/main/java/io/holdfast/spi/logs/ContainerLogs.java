package io.holdfast.spi.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the log files that container monitors write (Kubernetes' k8s-file format), whether the lines were written
 * while the engine was up or down. Registered by the logging bundle.
 *
 * <pre>{@code logs.read(Path.of(record.logPath()), new LogQuery(10, false), null, entry -> print(entry));}</pre>
 */
@ProviderType
public interface ContainerLogs {

    /**
     * Hands {@code sink} the selected entries in the order they were written. With {@link LogQuery#follow()} it then
     * blocks, handing on new entries, until {@code until} completes and every line written before that has been
     * read, or until the calling thread is interrupted.
     *
     * @param until completes when the container has exited; may be {@code null} when not following
     */
    void read(Path logFile, LogQuery query, CompletionStage<?> until, LogSink sink) throws IOException;
}
