package io.holdfast.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the OCI runtimes themselves know ({@code runc list}), to find containers no monitor holds: a conmon killed, a
 * monitor record lost. Only this shim's runtime roots are listed, so other engines' containers never show up.
 */
final class RuntimeListing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitorLayout layout;

    RuntimeListing(MonitorLayout layout) {
        this.layout = layout;
    }

    /** Containers of {@code runtimes} whose ids are not in {@code held}. */
    List<MonitorStatus> unmonitored(Collection<OciRuntime> runtimes, Set<String> held) throws MonitorException {
        List<MonitorStatus> found = new ArrayList<>();
        for (OciRuntime runtime : runtimes) {
            Path root = layout.runtimeRoot(runtime.name());
            if (!Files.isDirectory(root) || held.containsAll(stateDirectories(root))) {
                continue; // every container the runtime keeps state for has a monitor: no need to ask it
            }
            for (JsonNode container : parse(new OciRuntimeCli(runtime, root).listJson(), runtime)) {
                String id = container.path("id").asText();
                if (!held.contains(id)) {
                    found.add(status(id, container, runtime));
                }
            }
        }
        return found;
    }

    /**
     * The names of the directories under a runtime's root: runc and crun keep one per container, named by its id.
     * Reading them costs a directory listing where {@code runc list} reads every container's state (about 1 ms per
     * container); the runtime is asked only when one of them has no monitor.
     */
    private static Set<String> stateDirectories(Path root) throws MonitorException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new MonitorException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static MonitorStatus status(String id, JsonNode container, OciRuntime runtime) {
        boolean stopped = "stopped".equals(container.path("status").asText());
        return new MonitorStatus(id, 0, container.path("pid").asLong(), created(container), runtime,
                stopped ? new ExitStatus(255, Instant.now()) : null);
    }

    private static Instant created(JsonNode container) {
        try {
            return Instant.parse(container.path("created").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The runtime prints a JSON array, or {@code null} when it has none. */
    static List<JsonNode> parse(String output, OciRuntime runtime) throws MonitorException {
        String text = output.strip();
        int start = text.indexOf('[');
        if (start < 0) {
            if (text.endsWith("null")) {
                return List.of();
            }
            throw new MonitorException(runtime.name() + " list printed no JSON: " + text);
        }
        try {
            List<JsonNode> containers = new ArrayList<>();
            JSON.readTree(text.substring(start)).forEach(containers::add);
            return containers;
        } catch (IOException e) {
            throw new MonitorException(runtime.name() + " list printed unreadable JSON: " + e.getMessage(), e);
        }
    }
}
