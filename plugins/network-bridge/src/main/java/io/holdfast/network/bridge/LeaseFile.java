package io.holdfast.network.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The bridge's address leases on disk, {@code <data-root>/network/bridge/<bridge>/leases.json}:
 *
 * <pre>{@code {"subnet": "172.30.0.0/16", "last": "172.30.0.7", "leases": {"<container id>": "172.30.0.5"},
 *  "connected": ["<container id>"]}}</pre>
 *
 * {@code last} is the address allocated most recently (absent when unknown), so allocation can go on after it
 * instead of reusing an address just released; {@code subnet} is for people reading the file. Every save replaces
 * the file atomically ({@link AtomicFile}: written beside it, fsynced, renamed), so a crash leaves the old or the new
 * leases, never a torn file. Load and save block on disk I/O; callers serialise them.
 */
final class LeaseFile {
    private static final Logger LOG = Logger.getLogger(LeaseFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the file holds.
     *
     * @param last   the address allocated most recently, or {@code null} if unknown
     * @param leases    container id to address, ordered by id
     * @param connected the ids among {@code leases} that are connected containers, not this network's own
     */
    record Contents(Integer last, Map<String, Integer> leases, Set<String> connected) {
        Contents {
            leases = new TreeMap<>(leases);
            connected = connected == null ? Set.of() : new TreeSet<>(connected);
        }

        Contents(Integer last, Map<String, Integer> leases) {
            this(last, leases, Set.of());
        }

        static Contents empty() {
            return new Contents(null, Map.of());
        }
    }

    private final Path path;

    LeaseFile(Path path) {
        this.path = path;
    }

    /** The file for {@code bridge} under the daemon's data root. */
    static LeaseFile under(Path dataRoot, String bridge) {
        return new LeaseFile(dataRoot.resolve("network").resolve("bridge").resolve(bridge).resolve("leases.json"));
    }

    Path path() {
        return path;
    }

    /**
     * Reads the leases; a missing file means none. A file that cannot be parsed (which atomic saves should make
     * impossible) is moved aside to {@code leases.json.corrupt} and treated as empty: restore then marks the
     * addresses of the containers the engine knows again, which is the same recovery as for a lost file.
     */
    Contents load() throws IOException {
        if (!Files.exists(path)) {
            return Contents.empty();
        }
        try {
            return parse(JSON.readTree(path.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt");
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warning(() -> "unreadable lease file " + path + " moved to " + aside + " (" + e.getMessage()
                    + "); leases of existing containers are taken again when the engine restores them");
            return Contents.empty();
        }
    }

    /** Replaces the file with {@code contents}; blocks until the new file is durable. */
    void save(Subnet subnet, Contents contents) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("subnet", subnet.toString());
        if (contents.last() != null) {
            root.put("last", Ipv4.format(contents.last()));
        }
        ObjectNode leases = root.putObject("leases");
        contents.leases().forEach((id, address) -> leases.put(id, Ipv4.format(address)));
        if (!contents.connected().isEmpty()) {
            contents.connected().forEach(root.putArray("connected")::add);
        }
        AtomicFile.write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private Contents parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode last = root.get("last");
        Map<String, Integer> leases = new TreeMap<>();
        JsonNode leaseNode = root.get("leases");
        if (leaseNode != null && !leaseNode.isNull()) {
            if (!leaseNode.isObject()) {
                throw new IllegalArgumentException("\"leases\" must be an object");
            }
            for (Map.Entry<String, JsonNode> lease : leaseNode.properties()) {
                leases.put(lease.getKey(), Ipv4.parse(lease.getValue().asText()));
            }
        }
        Set<String> connected = new TreeSet<>();
        JsonNode connectedNode = root.get("connected");
        if (connectedNode != null && !connectedNode.isNull()) {
            if (!connectedNode.isArray()) {
                throw new IllegalArgumentException("\"connected\" must be an array");
            }
            connectedNode.forEach(id -> connected.add(id.asText()));
        }
        connected.retainAll(leases.keySet());
        return new Contents(last == null || last.isNull() ? null : Ipv4.parse(last.asText()), leases, connected);
    }
}
