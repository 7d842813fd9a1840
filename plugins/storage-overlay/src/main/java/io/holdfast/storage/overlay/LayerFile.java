package io.holdfast.storage.overlay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes a container's {@code layer.json}, {@code {"lowerdir": "/path/to/image/rootfs"}}: the lower layer
 * its overlay was made from, so that {@code restore} can mount it again after a reboot. Both methods block on disk
 * I/O; writing syncs.
 */
final class LayerFile {
    private static final String LOWERDIR = "lowerdir";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LayerFile() {
    }

    /** Writes {@code file} atomically: a crash leaves the old content or the new, never a torn file. */
    static void write(Path file, Path lowerdir) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(Map.of(LOWERDIR, lowerdir.toString())));
    }

    /** The lower layer recorded in {@code file}; fails naming the container and the file if it is missing or bad. */
    static Path read(Path file, String containerId) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException("container " + containerId + ": " + file + " is missing, so its lower layer is "
                    + "unknown", e);
        } catch (JsonProcessingException e) {
            throw new IOException("container " + containerId + ": " + file + " is not valid: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode lowerdir = json == null ? null : json.get(LOWERDIR);
        if (lowerdir == null || !lowerdir.isTextual() || lowerdir.textValue().isEmpty()) {
            throw new IOException("container " + containerId + ": " + file + " is not valid: no \"" + LOWERDIR
                    + "\" string");
        }
        return Path.of(lowerdir.textValue());
    }
}
