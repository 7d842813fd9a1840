package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.PortBinding;
import io.holdfast.spi.container.PortOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's port fields of a create body as {@link PortOptions}: {@code HostConfig.PortBindings}
 * ({@code {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}]}}, an empty {@code HostPort} meaning any free
 * port), {@code HostConfig.PublishAllPorts} and {@code Config.ExposedPorts} ({@code {"80/tcp": {}}}). Clients expand
 * ranges themselves ({@code -p 8080-8081:80-81} arrives as two keys); a range in a key is refused by name.
 */
final class PortRequests {
    private PortRequests() {
    }

    static PortOptions of(JsonFields config, JsonFields host) {
        List<PortBinding> bindings = new ArrayList<>();
        JsonNode requested = host.node("PortBindings");
        if (requested != null && !requested.isNull()) {
            if (!requested.isObject()) {
                throw JsonFields.invalid(host.path("PortBindings"), "an object of PORT/PROTOCOL keys", requested);
            }
            for (var entry : requested.properties()) {
                String path = host.path("PortBindings") + "." + entry.getKey();
                String[] port = portKey(path, entry.getKey());
                JsonNode hosts = entry.getValue();
                if (hosts == null || hosts.isNull() || hosts.isEmpty()) {
                    continue; // exposed, bound nowhere (Docker does the same)
                }
                if (!hosts.isArray()) {
                    throw JsonFields.invalid(path, "an array of {\"HostIp\", \"HostPort\"}", hosts);
                }
                for (JsonNode binding : hosts) {
                    String hostPort = binding.path("HostPort").asText("");
                    try {
                        bindings.add(new PortBinding(binding.path("HostIp").asText(""), hostPort(path, hostPort),
                                Integer.parseInt(port[0]), port[1]));
                    } catch (IllegalArgumentException e) {
                        throw JsonFields.refused(path, e.getMessage());
                    }
                }
            }
        }
        List<String> exposed = new ArrayList<>();
        JsonNode exposedPorts = config.node("ExposedPorts");
        if (exposedPorts != null && exposedPorts.isObject()) {
            for (var entry : exposedPorts.properties()) {
                String[] port = portKey(config.path("ExposedPorts") + "." + entry.getKey(), entry.getKey());
                exposed.add(port[0] + "/" + port[1]);
            }
        }
        return new PortOptions(bindings, exposed, host.bool("PublishAllPorts"));
    }

    /** {@code 80/tcp} or {@code 80} as {port, protocol}. */
    private static String[] portKey(String path, String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2 || !parts[0].matches("[0-9]{1,5}")) {
            throw JsonFields.refused(path, "\"" + key + "\": expected PORT[/tcp|udp], one port per key");
        }
        String protocol = parts.length == 2 ? parts[1] : PortBinding.TCP;
        try {
            new PortBinding("", 0, Integer.parseInt(parts[0]), protocol); // checks the range and the protocol
        } catch (IllegalArgumentException e) {
            throw JsonFields.refused(path, e.getMessage());
        }
        return new String[] {parts[0], protocol.toLowerCase(java.util.Locale.ROOT)};
    }

    private static int hostPort(String path, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw JsonFields.refused(path, "HostPort \"" + text + "\": expected a port number (one port; clients "
                    + "expand ranges)");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw JsonFields.refused(path, "HostPort " + port + ": expected 1 to 65535");
        }
        return port;
    }
}
