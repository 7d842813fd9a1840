package io.holdfast.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The exec-root, as far as the launcher must know it before the framework (and the config bundle, which validates
 * daemon.json) starts: to put Felix's cache there. {@code --exec-root}, else daemon.json's top-level
 * {@code "exec-root"}, else Docker's default. A daemon.json the launcher cannot read is left for the config bundle
 * to report; the cache then goes to the default place.
 *
 * <pre>{@code
 * Path execRoot = LauncherExecRoot.of(flag, Path.of("/etc/holdfast/daemon.json"));
 * }</pre>
 */
final class LauncherExecRoot {
    static final Path DEFAULT = Path.of("/run/holdfast");

    private LauncherExecRoot() {
    }

    static Path of(Path flag, Path daemonJson) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        if (daemonJson != null) {
            try {
                String configured = topLevelString(daemonJson, "exec-root");
                if (configured != null && Path.of(configured).isAbsolute()) {
                    return Path.of(configured);
                }
            } catch (IOException | RuntimeException unreadable) {
                // the config bundle reads the file again and says what is wrong with it
            }
        }
        return DEFAULT;
    }

    private static String topLevelString(Path file, String key) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(key) && value == JsonToken.VALUE_STRING) {
                    found = parser.getText(); // the last one, as Jackson's tree (the config bundle) keeps it
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        }
    }
}
