package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A daemon.json in a test's temporary directory, read the way the engine reads it (runc only, vfs by default). */
final class DaemonJson {
    private static final RuntimeLocator RUNC_ONLY = () -> Map.of("runc", new OciRuntime("runc", "/usr/sbin/runc"));

    private final Path file;

    DaemonJson(Path dir) {
        this.file = dir.resolve("daemon.json");
    }

    DaemonConfig read(String json) throws Exception {
        Files.writeString(file, json);
        return new DaemonConfigReader(RUNC_ONLY, "vfs").read(new FlagValues(file.toString(), Map.of()));
    }

    /** The file parsed, every key with its position, and its storage-opts entries (syntax checked). */
    DaemonFile file(String json) throws Exception {
        Files.writeString(file, json);
        return new DaemonConfigReader(RUNC_ONLY, "vfs").file(new FlagValues(file.toString(), Map.of()));
    }

    /** The message of the error reading {@code json} fails with, with the file's path cut down to its name. */
    String error(String json) throws Exception {
        Files.writeString(file, json);
        String message = assertThrows(ConfigException.class,
                () -> new DaemonConfigReader(RUNC_ONLY, "vfs").read(new FlagValues(file.toString(), Map.of())))
                .getMessage();
        return message.replace(file.toString(), "daemon.json");
    }
}
