package io.holdfast.routes;

import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code <data-root>/engine-id}: a random id made once and kept, so it survives engine restarts like Docker's engine
 * ID ({@code GET /info}'s {@code ID}). This bundle is the only one that reads or writes it.
 */
final class EngineId {
    static final String FILE = "engine-id";

    private EngineId() {
    }

    static String in(Path dataRoot) throws IOException {
        Path file = dataRoot.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = UUID.randomUUID().toString();
        AtomicFile.write(file, id.getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
