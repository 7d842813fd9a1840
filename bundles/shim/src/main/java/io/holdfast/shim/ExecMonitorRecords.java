package io.holdfast.shim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and atomically writes {@link ExecMonitorRecord}s. */
final class ExecMonitorRecords {
    private final ObjectMapper json = MonitorRecords.mapper();
    private final MonitorLayout layout;

    ExecMonitorRecords(MonitorLayout layout) {
        this.layout = layout;
    }

    void write(ExecMonitorRecord record) throws IOException {
        AtomicFile.write(layout.execRecord(record.execId()), json.writeValueAsBytes(record));
    }

    Optional<ExecMonitorRecord> read(String execId) throws IOException {
        Path file = layout.execRecord(execId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ExecMonitorRecord record = json.readValue(file.toFile(), ExecMonitorRecord.class);
        if (record.contract() > ExecMonitorRecord.CONTRACT) {
            throw new IOException(file + ": exec monitor contract " + record.contract()
                    + " is newer than this shim understands (" + ExecMonitorRecord.CONTRACT + ")");
        }
        return Optional.of(record);
    }
}
