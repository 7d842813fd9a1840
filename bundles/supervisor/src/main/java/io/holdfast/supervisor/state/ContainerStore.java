package io.holdfast.supervisor.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One {@code state.json} per container under {@code <data-root>/containers/<id>/}, each replaced atomically, so a
 * kill at any instant leaves every record either as it was or as it became.
 *
 * <pre>{@code
 * ContainerStore store = new ContainerStore(Path.of("/var/lib/holdfast/containers"));
 * store.save(record);
 * List<ContainerRecord> all = store.loadAll();
 * }</pre>
 */
public final class ContainerStore {
    private static final Logger LOG = Logger.getLogger(ContainerStore.class.getName());
    static final String STATE_FILE = "state.json";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ContainerStore(Path root) {
        this.root = root;
    }

    /** The directory that holds one container's state, OCI bundle and log. */
    public Path dir(String id) {
        return root.resolve(id);
    }

    public void save(ContainerRecord record) {
        try {
            AtomicFile.write(dir(record.id()).resolve(STATE_FILE), json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the state of " + record.id(), e);
        }
    }

    /** Deletes the container's directory: its state, bundle and log. */
    public void delete(String id) throws IOException {
        Directories.deleteTree(dir(id));
        if (Files.isDirectory(root)) {
            AtomicFile.syncDirectory(root);
        }
    }

    /**
     * Every record on disk, migrated to the current schema. A directory without a state file is a create that a
     * crash interrupted: it is reported and skipped, never guessed at.
     */
    public List<ContainerRecord> loadAll() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return records;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve(STATE_FILE);
                if (!Files.exists(file)) {
                    LOG.warning(() -> dir + " has no " + STATE_FILE + " (a create was interrupted); ignoring it");
                    continue;
                }
                records.add(read(file));
            }
        }
        return records;
    }

    ContainerRecord read(Path file) throws IOException {
        JsonNode tree = json.readTree(file.toFile());
        int version = tree.path("schemaVersion").asInt(0);
        if (version > ContainerRecord.SCHEMA_VERSION) {
            throw new IOException(file + ": schema version " + version + " is newer than this engine understands ("
                    + ContainerRecord.SCHEMA_VERSION + "); refusing to guess");
        }
        RecordMigration.forward((ObjectNode) tree, version, root.toAbsolutePath().getParent());
        return json.treeToValue(tree, ContainerRecord.class);
    }
}
