package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /networks/create}, strictly: {@code Name}, {@code Driver}, {@code Internal},
 * {@code Labels}, {@code Options}, {@code IPAM.Config} (at most one entry, {@code Subnet} and {@code Gateway}) are
 * read; IPv6, attachable, ingress, config-only networks, IP ranges and auxiliary addresses are refused naming the
 * field; {@code CheckDuplicate} is always true here.
 */
final class NetworkCreateBody {
    private static final Set<String> FALSE_ONLY = Set.of("EnableIPv6", "Attachable", "Ingress", "ConfigOnly");

    private NetworkCreateBody() {
    }

    static NetworkRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new EngineException(Kind.INVALID, "expected a JSON object with at least \"Name\"");
        }
        for (String field : FALSE_ONLY) {
            if (body.path(field).asBoolean(false)) {
                throw new EngineException(Kind.INVALID, field + ": not supported (only local IPv4 bridge networks)");
            }
        }
        JsonNode configFrom = body.path("ConfigFrom").path("Network");
        if (!configFrom.asText("").isEmpty()) {
            throw new EngineException(Kind.INVALID, "ConfigFrom: not supported");
        }
        String subnet = "";
        String gateway = "";
        JsonNode ipam = body.path("IPAM");
        String ipamDriver = ipam.path("Driver").asText("");
        if (!ipamDriver.isEmpty() && !ipamDriver.equals("default")) {
            throw new EngineException(Kind.INVALID, "IPAM.Driver: \"" + ipamDriver + "\" is not supported; only "
                    + "default");
        }
        JsonNode configs = ipam.path("Config");
        if (configs.isArray() && configs.size() > 1) {
            throw new EngineException(Kind.INVALID, "IPAM.Config: at most one subnet per network is supported, found "
                    + configs.size());
        }
        if (configs.isArray() && configs.size() == 1) {
            JsonNode config = configs.get(0);
            for (String field : new String[] {"IPRange", "AuxiliaryAddresses"}) {
                JsonNode value = config.path(field);
                if (!value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())
                        && !(value.isObject() && value.isEmpty())) {
                    throw new EngineException(Kind.INVALID, "IPAM.Config." + field + ": not supported");
                }
            }
            subnet = config.path("Subnet").asText("");
            gateway = config.path("Gateway").asText("");
            if (subnet.contains(":")) {
                throw new EngineException(Kind.INVALID, "IPAM.Config.Subnet " + subnet + ": IPv6 is not supported");
            }
            if (subnet.isEmpty() && !gateway.isEmpty()) {
                throw new EngineException(Kind.INVALID, "IPAM.Config.Gateway needs a Subnet");
            }
        }
        return new NetworkRequest(body.path("Name").asText(""), body.path("Driver").asText(""), subnet, gateway,
                body.path("Internal").asBoolean(false), strings(body.path("Labels")), strings(body.path("Options")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
        }
        return map;
    }
}
