package io.holdfast.supervisor.volumes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.spi.volume.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The engine's volume records, one {@code <name>.json} each under {@code <data-root>/volume-records}, each written
 * atomically: a kill leaves a record as it was or as it became.
 *
 * <pre>{@code new VolumeStore(layout.volumeRecords()).save(volume);}</pre>
 */
final class VolumeStore {
    private static final Logger LOG = Logger.getLogger(VolumeStore.class.getName());
    private static final String SUFFIX = ".json";
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    VolumeStore(Path dir) {
        this.dir = dir;
    }

    void save(Volume volume) throws IOException {
        Directories.createPrivate(dir);
        AtomicFile.write(dir.resolve(volume.name() + SUFFIX), json.writeValueAsBytes(volume));
    }

    void delete(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name + SUFFIX));
        AtomicFile.syncDirectory(dir);
    }

    /** Every record that can be read; one that cannot is logged and skipped (its data stays with its driver). */
    List<Volume> loadAll() throws IOException {
        List<Volume> volumes = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return volumes;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    volumes.add(json.readValue(file.toFile(), Volume.class));
                } catch (IOException e) {
                    LOG.warning("cannot read the volume record " + file + ": " + e.getMessage());
                }
            }
        }
        return volumes;
    }
}
