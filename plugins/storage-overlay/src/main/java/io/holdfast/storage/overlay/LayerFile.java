package io.holdfast.storage.overlay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a container's {@code layer.json}, {@code {"lowerdir": "/path/to/image/rootfs"}}: the lower layer
 * its overlay was made from, so that {@code restore} can mount it again after a reboot. Both methods block on disk
 * I/O; writing syncs.
 */
final class LayerFile {
    private static final String LOWERDIR = "lowerdir";
    private static final String LOWERDIRS = "lowerdirs";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LayerFile() {
    }

    /** Writes {@code file} atomically: a crash leaves the old content or the new, never a torn file. */
    static void write(Path file, Path lowerdir) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(Map.of(LOWERDIR, lowerdir.toString())));
    }

    /**
     * Writes the lower layers of a layered image, lowest first: {@code lowerdir} is the lowest (what older engines
     * read) and {@code lowerdirs} all of them.
     */
    static void write(Path file, List<Path> lowers) throws IOException {
        if (lowers.size() == 1) {
            write(file, lowers.get(0));
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(LOWERDIR, lowers.get(0).toString());
        json.put(LOWERDIRS, lowers.stream().map(Path::toString).toList());
        AtomicFile.write(file, JSON.writeValueAsBytes(json));
    }

    /** Every lower layer recorded in {@code file}, lowest first. */
    static List<Path> readAll(Path file, String containerId) throws IOException {
        Path lowest = read(file, containerId);
        JsonNode all = JSON.readTree(file.toFile()).get(LOWERDIRS);
        if (all == null) {
            return List.of(lowest);
        }
        List<Path> lowers = new ArrayList<>();
        for (JsonNode dir : all) {
            if (!dir.isTextual() || dir.textValue().isEmpty()) {
                throw new IOException("container " + containerId + ": " + file + " is not valid: \"" + LOWERDIRS
                        + "\" holds a value that is not a path");
            }
            lowers.add(Path.of(dir.textValue()));
        }
        return lowers;
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
