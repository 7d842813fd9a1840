package io.holdfast.supervisor.ports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The forwarders of each container, one JSON file per container ({@code <data-root>/ports/<id>.json}), replaced
 * atomically: a kill at any instant leaves the list as it was or as it became. A file is written before its
 * container starts and deleted only after every forwarder in it has ended, so no forwarder is ever unaccounted for.
 */
final class ForwarderFiles {
    private static final String SUFFIX = ".json";
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ForwarderFiles(Path dir) {
        this.dir = dir;
    }

    List<Forwarder> read(String containerId) throws IOException {
        try {
            return json.readValue(Files.readAllBytes(file(containerId)), new TypeReference<List<Forwarder>>() {
            });
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    void write(String containerId, List<Forwarder> forwarders) throws IOException {
        Directories.createPrivate(dir);
        AtomicFile.write(file(containerId), json.writeValueAsBytes(forwarders));
    }

    void delete(String containerId) throws IOException {
        if (Files.deleteIfExists(file(containerId))) {
            AtomicFile.syncDirectory(dir);
        }
    }

    /** The containers that have a file. */
    List<String> containerIds() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX) && !n.startsWith("."))
                    .filter(n -> !AtomicFile.isLeftover(dir.resolve(n)))
                    .forEach(n -> ids.add(n.substring(0, n.length() - SUFFIX.length())));
        }
        return ids;
    }

    /** Where the forwarders of a container write their diagnostics; the directory exists once this returns. */
    Path log(String containerId) throws IOException {
        Directories.createPrivate(dir);
        return dir.resolve(containerId + ".log");
    }

    void deleteLog(String containerId) throws IOException {
        Files.deleteIfExists(dir.resolve(containerId + ".log"));
    }

    private Path file(String containerId) {
        return dir.resolve(containerId + SUFFIX);
    }
}
