package io.holdfast.supervisor.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.spi.container.ExecRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One JSON file per exec in its container's directory, {@code <data-root>/containers/<id>/execs/<exec-id>.json},
 * each replaced atomically; removing the container's directory removes them with it. The exec's log and the OCI
 * process its monitor was given sit beside it.
 *
 * <pre>{@code
 * ExecStore store = new ExecStore(layout.containers());
 * store.save(record);
 * List<ExecRecord> all = store.loadAll();
 * }</pre>
 */
public final class ExecStore {
    private static final Logger LOG = Logger.getLogger(ExecStore.class.getName());
    private static final String DIR = "execs";

    private final Path containers;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code containers} is the directory that holds one directory per container. */
    public ExecStore(Path containers) {
        this.containers = containers;
    }

    public Path logPath(String containerId, String execId) {
        return dir(containerId).resolve(execId + ".log");
    }

    public Path processSpec(String containerId, String execId) {
        return dir(containerId).resolve(execId + ".process.json");
    }

    private Path dir(String containerId) {
        return containers.resolve(containerId).resolve(DIR);
    }

    private Path file(ExecRecord record) {
        return dir(record.containerId()).resolve(record.id() + ".json");
    }

    public void save(ExecRecord record) {
        try {
            AtomicFile.write(file(record), json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save exec " + record.id(), e);
        }
    }

    /** Writes the OCI process the exec's monitor runs, atomically. */
    public void saveProcessSpec(String containerId, String execId, byte[] process) {
        try {
            AtomicFile.write(processSpec(containerId, execId), process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the process of exec " + execId, e);
        }
    }

    /** Forgets an exec: its record, log and process. */
    public void delete(ExecRecord record) throws IOException {
        Files.deleteIfExists(file(record));
        Files.deleteIfExists(logPath(record.containerId(), record.id()));
        Files.deleteIfExists(processSpec(record.containerId(), record.id()));
    }

    /** Every exec of every container; a file that cannot be read is reported and skipped. */
    public List<ExecRecord> loadAll() throws IOException {
        List<ExecRecord> records = new ArrayList<>();
        if (!Files.isDirectory(containers)) {
            return records;
        }
        try (Stream<Path> dirs = Files.list(containers)) {
            for (Path execs : dirs.map(d -> d.resolve(DIR)).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(execs)) {
                    for (Path file : files.filter(ExecStore::isRecord).toList()) {
                        read(file, records);
                    }
                }
            }
        }
        return records;
    }

    private static boolean isRecord(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith(".process.json") && !name.startsWith(".");
    }

    private void read(Path file, List<ExecRecord> into) {
        try {
            ExecRecord record = json.readValue(file.toFile(), ExecRecord.class);
            if (record.schemaVersion() > ExecRecord.SCHEMA_VERSION) {
                LOG.warning(() -> file + ": exec schema " + record.schemaVersion() + " is newer than this engine "
                        + "understands (" + ExecRecord.SCHEMA_VERSION + "); ignoring it");
                return;
            }
            into.add(record);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read exec record " + file + "; ignoring it", e);
        }
    }
}
