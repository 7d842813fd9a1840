package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code EndpointConfig} of {@code POST /networks/{id}/connect}: {@code Aliases} and
 * {@code IPAMConfig.IPv4Address}. Other fields with a value (IPv6, links, driver options, a MAC address) are refused
 * naming them; empty ones, which the docker CLI sends, are ignored.
 *
 * <pre>{@code ConnectBody endpoint = ConnectBody.parse(body.path("EndpointConfig"));}</pre>
 */
record ConnectBody(List<String> aliases, String ipv4Address) {
    private static final Set<String> SUPPORTED = Set.of("Aliases", "IPAMConfig");

    static ConnectBody parse(JsonNode config) {
        if (config.isMissingNode() || config.isNull()) {
            return new ConnectBody(List.of(), "");
        }
        if (!config.isObject()) {
            throw new EngineException(Kind.INVALID, "EndpointConfig: expected an object, found " + config);
        }
        refuseSet(config, SUPPORTED, "EndpointConfig.");
        List<String> aliases = new ArrayList<>();
        JsonNode asked = config.path("Aliases");
        if (asked.isArray()) {
            asked.forEach(alias -> {
                if (!alias.isTextual()) {
                    throw new EngineException(Kind.INVALID, "EndpointConfig.Aliases: expected strings, found "
                            + alias);
                }
                aliases.add(alias.asText());
            });
        } else if (!asked.isMissingNode() && !asked.isNull()) {
            throw new EngineException(Kind.INVALID, "EndpointConfig.Aliases: expected a list, found " + asked);
        }
        JsonNode ipam = config.path("IPAMConfig");
        String address = "";
        if (ipam.isObject()) {
            refuseSet(ipam, Set.of("IPv4Address"), "EndpointConfig.IPAMConfig.");
            JsonNode v4 = ipam.path("IPv4Address");
            if (!v4.isMissingNode() && !v4.isNull() && !v4.isTextual()) {
                throw new EngineException(Kind.INVALID, "EndpointConfig.IPAMConfig.IPv4Address: expected a string, "
                        + "found " + v4);
            }
            address = v4.asText("");
        }
        return new ConnectBody(aliases.stream().distinct().toList(), address);
    }

    /** Refuses any field outside {@code supported} that has a value (not null, "", [], {}, 0 or false). */
    private static void refuseSet(JsonNode object, Set<String> supported, String prefix) {
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            boolean empty = value.isNull() || (value.isTextual() && value.asText().isEmpty())
                    || (value.isContainerNode() && value.isEmpty()) || (value.isBoolean() && !value.asBoolean())
                    || (value.isNumber() && value.asDouble() == 0); // the docker CLI sends IPPrefixLen, GwPriority 0
            if (!supported.contains(field.getKey()) && !empty) {
                throw new EngineException(Kind.INVALID, prefix + field.getKey() + ": not supported by Holdfast "
                        + "(found " + value + ")");
            }
        });
    }
}
