package io.holdfast.routes.create;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.List;
import java.util.Set;

/**
 * {@code NetworkingConfig.EndpointsConfig} of a create body: one entry, for the network the container joins
 * ({@code HostConfig.NetworkMode}), whose {@code Aliases} ({@code --network-alias}) and
 * {@code IPAMConfig.IPv4Address} ({@code --ip}) are read. Any other endpoint setting with a value (IPv6, links,
 * driver options) is refused naming it; so is an entry for another network (connect the container to it once it is
 * created).
 *
 * <pre>{@code List<String> aliases = EndpointsConfigRequest.aliases(config.object("NetworkingConfig"), "backend");}</pre>
 */
final class EndpointsConfigRequest {
    private static final Set<String> SUPPORTED = Set.of("Aliases", "IPAMConfig");
    private static final Set<String> SUPPORTED_IPAM = Set.of("IPv4Address");

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
            SupportedFields.refuseUnsupported(endpoint.object("IPAMConfig"), SUPPORTED_IPAM, prefix + "IPAMConfig.");
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
                        + "\", not \"" + network + "\"; connect it to further networks once it is created (docker network connect)");
            }
            aliases = asked;
        }
        return aliases;
    }

    /** The fixed IPv4 address asked for on {@code networkMode} ({@code --ip}); empty when none. */
    static String ipv4Address(JsonFields networking, String networkMode) {
        JsonFields endpoints = networking.object("EndpointsConfig");
        String mode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
        String address = "";
        for (String network : endpoints.fieldNames()) {
            String asked = endpoints.object(network).object("IPAMConfig").string("IPv4Address");
            if (asked.isEmpty()) {
                continue;
            }
            String prefix = "NetworkingConfig.EndpointsConfig." + network + ".IPAMConfig.IPv4Address";
            if (PREDEFINED.contains(mode) || PREDEFINED.contains(network)) {
                throw new EngineException(Kind.INVALID, prefix + ": user specified IP address is supported on user "
                        + "defined networks only");
            }
            if (!network.equals(mode)) {
                throw new EngineException(Kind.INVALID, prefix + ": the container joins network \"" + mode
                        + "\", not \"" + network + "\"");
            }
            address = asked;
        }
        return address;
    }
}
