package io.holdfast.images;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Reads JSON, and writes it atomically so a crash leaves the old file or the new one. */
final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    static void write(Path file, Object value) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(value));
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }

    static <T> T read(Path file, TypeReference<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }
}
