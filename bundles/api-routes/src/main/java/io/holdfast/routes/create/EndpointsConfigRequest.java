package io.holdfast.routes.create;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.List;
import java.util.Set;

/**
 * {@code NetworkingConfig.EndpointsConfig} of a create body: one entry, for the network the container joins
 * ({@code HostConfig.NetworkMode}), whose {@code Aliases} ({@code --network-alias}) are read. Any other endpoint
 * setting with a value (a fixed address, links, driver options) is refused naming it; so is an entry for another
 * network, since a container is on one network only.
 *
 * <pre>{@code List<String> aliases = EndpointsConfigRequest.aliases(config.object("NetworkingConfig"), "backend");}</pre>
 */
final class EndpointsConfigRequest {
    private static final Set<String> SUPPORTED = Set.of("Aliases");

    private EndpointsConfigRequest() {
    }

    /** Networks every engine has: no network-scoped aliases there, as in Docker. */
    private static final Set<String> PREDEFINED = Set.of("default", "bridge", "host", "none");

    /** The aliases asked for on {@code networkMode}; empty when none. */
    static List<String> aliases(JsonFields networking, String networkMode) {
        SupportedFields.refuseUnsupported(networking, Set.of("EndpointsConfig"), "NetworkingConfig.");
        JsonFields endpoints = networking.object("EndpointsConfig");
        String mode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
        List<String> aliases = List.of();
        for (String network : endpoints.fieldNames()) {
            JsonFields endpoint = endpoints.object(network);
            String prefix = "NetworkingConfig.EndpointsConfig." + network + ".";
            SupportedFields.refuseUnsupported(endpoint, SUPPORTED, prefix);
            List<String> asked = endpoint.strings("Aliases");
            if (asked.isEmpty()) {
                continue;
            }
            if (PREDEFINED.contains(mode) || PREDEFINED.contains(network)) {
                throw new EngineException(Kind.INVALID, prefix + "Aliases: network-scoped alias is supported only "
                        + "for containers in user defined networks");
            }
            if (!network.equals(mode)) {
                throw new EngineException(Kind.INVALID, prefix + "Aliases: the container joins network \"" + mode
                        + "\", not \"" + network + "\"; a container is on one network only");
            }
            aliases = asked;
        }
        return aliases;
    }
}
