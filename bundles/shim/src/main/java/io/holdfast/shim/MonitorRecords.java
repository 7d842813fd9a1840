package io.holdfast.shim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Reads and atomically writes {@link MonitorRecord}s. */
final class MonitorRecords {
    private final ObjectMapper json = mapper();
    private final MonitorLayout layout;

    /** The shim's JSON mapper for its records (also {@link ExecMonitorRecords}'). */
    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A cache of our own: the shared default TypeFactory would keep MonitorRecord.class, and with it this
                // revision's class loader, alive in the Jackson bundle after the shim is updated.
                .setTypeFactory(TypeFactory.defaultInstance()
                        .withCache((LookupCache<Object, JavaType>) new LRUMap<Object, JavaType>(16, 64)));
    }

    MonitorRecords(MonitorLayout layout) {
        this.layout = layout;
    }

    void write(MonitorRecord record) throws IOException {
        AtomicFile.write(layout.record(record.containerId()), json.writeValueAsBytes(record));
    }

    Optional<MonitorRecord> read(String containerId) throws IOException {
        var file = layout.record(containerId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        MonitorRecord record = json.readValue(file.toFile(), MonitorRecord.class);
        if (record.contract() > MonitorRecord.CONTRACT) {
            throw new IOException(file + ": monitor contract " + record.contract()
                    + " is newer than this shim understands (" + MonitorRecord.CONTRACT + ")");
        }
        return Optional.of(record);
    }
}
