package io.holdfast.routes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.network.NetworkInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Docker's network object ({@code GET /networks/{id}}, and each item of the list), built from {@link NetworkInfo}. */
final class NetworkView {
    static final Set<String> PREDEFINED = Set.of("bridge", "host", "none");

    private NetworkView() {
    }

    /** {@code byId}: the engine's containers, for the names and MAC addresses of those on the network. */
    static Map<String, Object> of(NetworkInfo n, Map<String, ContainerRecord> byId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Name", n.name());
        view.put("Id", n.id());
        view.put("Created", n.created().toString());
        view.put("Scope", "local");
        view.put("Driver", n.driver());
        view.put("EnableIPv6", false);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Subnet", n.subnet());
        config.put("Gateway", n.gateway());
        view.put("IPAM", Map.of("Driver", "default", "Options", Map.of(), "Config", List.of(config)));
        view.put("Internal", n.internal());
        view.put("Attachable", false);
        view.put("Ingress", false);
        view.put("ConfigFrom", Map.of("Network", ""));
        view.put("ConfigOnly", false);
        Map<String, Object> containers = new LinkedHashMap<>();
        n.containers().forEach((id, address) -> {
            ContainerRecord c = byId.get(id);
            Map<String, String> settings = settings(c, n.name());
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("Name", c == null ? "" : c.name());
            endpoint.put("EndpointID", io.holdfast.common.docker.DockerViews.endpointId(id, n.id()));
            endpoint.put("MacAddress", settings.getOrDefault("MacAddress", ""));
            endpoint.put("IPv4Address", address + "/" + n.subnet().substring(n.subnet().indexOf('/') + 1));
            endpoint.put("IPv6Address", "");
            containers.put(id, endpoint);
        });
        view.put("Containers", containers);
        Map<String, String> options = new LinkedHashMap<>(n.options());
        options.putIfAbsent("com.docker.network.bridge.name", n.bridge());
        view.put("Options", options);
        view.put("Labels", n.labels());
        return view;
    }

    /** What the container's bridge reported for this network: its first network's, or a connection's. */
    private static Map<String, String> settings(ContainerRecord c, String network) {
        if (c == null) {
            return Map.of();
        }
        var connection = c.connected().get(network);
        var attachment = connection != null ? connection.attachment() : c.network();
        return attachment == null ? Map.of() : attachment.settings();
    }
}
