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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    /** Where an unreadable {@code state.json} is moved, next to it. */
    static final String CORRUPT_FILE = "state.json.corrupt";

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
     * What {@link #load} found.
     *
     * @param records    every record that could be read, migrated to the current schema
     * @param unreadable per container directory whose record could not be used: why, and where its record is now
     */
    public record Loaded(List<ContainerRecord> records, Map<String, String> unreadable) {
    }

    /** Every record on disk that can be read; see {@link #load}. */
    public List<ContainerRecord> loadAll() throws IOException {
        return load().records();
    }

    /**
     * Every record on disk, migrated to the current schema. One bad record never keeps the others from loading:
     * a {@code state.json} that cannot be parsed is moved aside to {@code state.json.corrupt} (kept for the
     * operator, and reported at every start until it is dealt with); one written by a newer engine is left where it
     * is and reported. A directory without any state file is a create that a crash interrupted: it is reported in
     * the log and skipped, never guessed at.
     */
    public Loaded load() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        Map<String, String> unreadable = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return new Loaded(records, unreadable);
        }
        List<Path> dirs;
        try (Stream<Path> listed = Files.list(root)) {
            dirs = listed.filter(Files::isDirectory).toList();
        }
        // On every core: each record is a read and a parse of its own, and a restart waits for all of them.
        for (Found found : dirs.parallelStream().map(this::loadOne).toList()) {
            if (found.record() != null) {
                records.add(found.record());
            } else if (found.unreadable() != null) {
                unreadable.put(found.id(), found.unreadable());
            }
        }
        unreadable.forEach((id, why) -> LOG.warning(() -> "container " + id + ": " + why));
        return new Loaded(records, unreadable);
    }

    /** One container directory's record, or why it cannot be used; neither for an interrupted create. */
    private record Found(String id, ContainerRecord record, String unreadable) {
    }

    private Found loadOne(Path dir) {
        String id = dir.getFileName().toString();
        Path file = dir.resolve(STATE_FILE);
        Path aside = dir.resolve(CORRUPT_FILE);
        if (!Files.exists(file)) {
            if (Files.exists(aside)) {
                return new Found(id, null, "its record was unreadable at an earlier start and is kept at " + aside
                        + "; the container was not restored (its monitor, if any, is left running)");
            }
            LOG.warning(() -> dir + " has no " + STATE_FILE + " (a create was interrupted); ignoring it");
            return new Found(id, null, null);
        }
        try {
            return new Found(id, read(file), null);
        } catch (NewerSchemaException newer) {
            return new Found(id, null, newer.getMessage() + "; left as it is, not restored");
        } catch (IOException | RuntimeException corrupt) {
            return new Found(id, null, "its record " + file + " is unreadable (" + oneLine(corrupt) + "); "
                    + moveAside(file, aside) + "; the container was not restored (its monitor, if any, is "
                    + "left running)");
        }
    }

    /** Moves an unreadable record out of the way of later starts; says where it is now. */
    private static String moveAside(Path file, Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(file.getParent());
            return "moved to " + aside;
        } catch (IOException e) {
            return "left in place, as it cannot be moved to " + aside + " (" + e.getMessage() + ")";
        }
    }

    private static String oneLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A record written by an engine newer than this one: it is not ours to rewrite or move. */
    static final class NewerSchemaException extends IOException {
        NewerSchemaException(String message) {
            super(message);
        }
    }

    ContainerRecord read(Path file) throws IOException {
        JsonNode tree = json.readTree(file.toFile());
        int version = tree.path("schemaVersion").asInt(0);
        if (version > ContainerRecord.SCHEMA_VERSION) {
            throw new NewerSchemaException(file + ": schema version " + version + " is newer than this engine understands ("
                    + ContainerRecord.SCHEMA_VERSION + "); refusing to guess");
        }
        RecordMigration.forward((ObjectNode) tree, version, root.toAbsolutePath().getParent());
        return json.treeToValue(tree, ContainerRecord.class);
    }
}
