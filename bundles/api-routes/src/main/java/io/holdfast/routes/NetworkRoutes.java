package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkInfo;
import io.holdfast.spi.network.NetworkRequest;
import io.holdfast.spi.network.UserNetworks;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * {@code /networks}: Docker's create, list, inspect, remove and prune of user-defined networks, answered by the
 * {@link UserNetworks} service of the bridge plugin; connect and disconnect of containers, answered by
 * {@link Containers}.
 */
final class NetworkRoutes {
    private final Supplier<UserNetworks> networks;
    private final Supplier<Containers> containers;

    NetworkRoutes(Supplier<UserNetworks> networks, Supplier<Containers> containers) {
        this.networks = networks;
        this.containers = containers;
    }

    void register(Router router) {
        router.add("GET", "/networks", this::list)
                .add("POST", "/networks/create", this::create)
                .add("POST", "/networks/prune", this::prune)
                .add("GET", "/networks/{id}", e -> e.sendJson(200, NetworkView.of(find(e.pathParam(0)), names())))
                .add("POST", "/networks/{id}/connect", this::connect)
                .add("POST", "/networks/{id}/disconnect", this::disconnect)
                .add("DELETE", "/networks/{id}", this::remove);
    }

    private UserNetworks service() {
        UserNetworks service = networks.get();
        if (service == null) {
            throw new EngineException(Kind.FAILED, "user-defined networks are not available: the network-bridge "
                    + "plugin is not running");
        }
        return service;
    }

    private NetworkInfo find(String ref) {
        try {
            return service().find(ref).orElseThrow(() -> new EngineException(Kind.NOT_FOUND,
                    "network " + ref + " not found"));
        } catch (IllegalArgumentException ambiguous) {
            throw new EngineException(Kind.INVALID, ambiguous.getMessage());
        }
    }

    private void list(ApiExchange e) throws IOException {
        NetworkFilter filter = NetworkFilter.parse(e.query("filters"));
        Map<String, ContainerRecord> names = names();
        e.sendJson(200, service().list().stream().filter(filter::matches)
                .map(n -> NetworkView.of(n, names)).toList());
    }

    private void create(ApiExchange e) throws IOException {
        JsonNode body = e.jsonBody();
        NetworkRequest request = NetworkCreateBody.parse(body);
        try {
            NetworkInfo created = service().create(request);
            e.sendJson(201, Map.of("Id", created.id(), "Warning", ""));
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        } catch (IllegalStateException conflict) {
            throw new EngineException(Kind.CONFLICT, conflict.getMessage());
        }
    }

    private void remove(ApiExchange e) throws IOException {
        String ref = e.pathParam(0);
        if (NetworkView.PREDEFINED.contains(ref)) {
            throw new EngineException(Kind.CONFLICT, ref + " is a pre-defined network and cannot be removed");
        }
        NetworkInfo network = find(ref);
        try {
            service().remove(network.id());
        } catch (IllegalStateException inUse) {
            throw new EngineException(Kind.CONFLICT, inUse.getMessage());
        } catch (NoSuchElementException gone) {
            throw new EngineException(Kind.NOT_FOUND, gone.getMessage());
        }
        e.sendEmpty(204);
    }

    /** Removes every user network no container holds an address on, among those the filters pick. */
    private void prune(ApiExchange e) throws IOException {
        PruneFilter filter = PruneFilter.parse(e.query("filters"), Instant.now());
        List<String> deleted = new ArrayList<>();
        for (NetworkInfo network : service().list()) {
            if (network.containers().isEmpty() && filter.accepts(network.created(), network.labels())) {
                try {
                    service().remove(network.id());
                    deleted.add(network.name());
                } catch (IOException | IllegalStateException | NoSuchElementException skipped) {
                    // a container joined meanwhile, or it went: not pruned, as Docker
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("NetworksDeleted", deleted);
        e.sendJson(200, report);
    }

    /**
     * Docker's connect: body {@code {"Container": ref, "EndpointConfig": {"Aliases": [...], "IPAMConfig":
     * {"IPv4Address": "..."}}}}; 200 with no body, as dockerd.
     */
    private void connect(ApiExchange e) throws IOException {
        JsonNode body = e.jsonBody();
        String ref = containerRef(body);
        NetworkInfo network = findConnectable(e.pathParam(0));
        ConnectBody endpoint = ConnectBody.parse(body.path("EndpointConfig"));
        containers.get().connect(ref, network.name(), endpoint.aliases(), endpoint.ipv4Address());
        e.sendEmpty(200);
    }

    /** Docker's disconnect: body {@code {"Container": ref, "Force": bool}}; 200 with no body. */
    private void disconnect(ApiExchange e) throws IOException {
        JsonNode body = e.jsonBody();
        String ref = containerRef(body);
        NetworkInfo network = findConnectable(e.pathParam(0));
        JsonNode force = body.path("Force");
        if (!force.isMissingNode() && !force.isNull() && !force.isBoolean()) {
            throw new EngineException(Kind.INVALID, "Force: expected true or false, found " + force);
        }
        containers.get().disconnect(ref, network.name(), force.asBoolean(false));
        e.sendEmpty(200);
    }

    private static String containerRef(JsonNode body) {
        JsonNode container = body.path("Container");
        if (!container.isTextual() || container.asText().isEmpty()) {
            throw new EngineException(Kind.INVALID, "Container: expected a container name or id, found "
                    + (container.isMissingNode() ? "nothing" : container.toString()));
        }
        return container.asText();
    }

    /** The user-defined network {@code ref} names; Docker's own networks are not served as user networks here. */
    private NetworkInfo findConnectable(String ref) {
        if (NetworkView.PREDEFINED.contains(ref)) {
            throw new EngineException(Kind.INVALID, "containers can be connected to and disconnected from "
                    + "user-defined networks only, not to " + ref);
        }
        return find(ref);
    }

    private Map<String, ContainerRecord> names() {
        Map<String, ContainerRecord> byId = new LinkedHashMap<>();
        containers.get().list().forEach(c -> byId.put(c.id(), c));
        return byId;
    }
}
