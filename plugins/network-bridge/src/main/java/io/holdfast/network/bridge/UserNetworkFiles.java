package io.holdfast.network.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The records of the user-defined networks, one JSON file each under {@code <data-root>/network/user/}, each
 * replaced atomically ({@link AtomicFile}). Their leases live beside the default bridge's, in
 * {@code <data-root>/network/bridge/<bridge>/leases.json} ({@link LeaseFile}). Blocks on disk I/O.
 */
final class UserNetworkFiles {
    private static final Logger LOG = Logger.getLogger(UserNetworkFiles.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataRoot;
    private final Path dir;

    UserNetworkFiles(Path dataRoot) {
        this.dataRoot = dataRoot;
        this.dir = dataRoot.resolve("network").resolve("user");
    }

    /** Every readable record; an unreadable one is logged and skipped (its bridge is left as it is). */
    List<UserNetworkRecord> load() throws IOException {
        List<UserNetworkRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    records.add(JSON.readValue(file.toFile(), UserNetworkRecord.class));
                } catch (IOException e) {
                    LOG.warning(() -> "user network record " + file + " cannot be read and is skipped: "
                            + e.getMessage());
                }
            }
        }
        return records;
    }

    void save(UserNetworkRecord record) throws IOException {
        Directories.createPrivate(dir);
        AtomicFile.write(dir.resolve(record.id() + ".json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(record));
    }

    /** Deletes the record and the network's lease file. */
    void delete(UserNetworkRecord record) throws IOException {
        LeaseFile leases = leases(record);
        Files.deleteIfExists(leases.path());
        Files.deleteIfExists(leases.path().getParent());
        Files.deleteIfExists(dir.resolve(record.id() + ".json"));
    }

    LeaseFile leases(UserNetworkRecord record) {
        return LeaseFile.under(dataRoot, record.bridge());
    }
}
