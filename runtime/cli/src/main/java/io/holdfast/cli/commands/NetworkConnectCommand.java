package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast network connect [--alias A] [--ip IP] NETWORK CONTAINER}: Docker's; the container, created, running
 * or stopped, joins the network as a further one (a running one gets its {@code ethN} at once).
 */
@Command(name = "connect", description = "Connect a container to a further network.")
public final class NetworkConnectCommand extends EngineCommand {

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Add a network-scoped alias for the container.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPV4", description = "IPv4 address (default: the next free one).")
    String ip;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (!aliases.isEmpty()) {
            endpoint.put("Aliases", List.copyOf(aliases));
        }
        if (ip != null && !ip.isEmpty()) {
            endpoint.put("IPAMConfig", Map.of("IPv4Address", ip));
        }
        engine().networkVerb(network, "connect", Map.of("Container", container, "EndpointConfig", endpoint));
        return 0;
    }
}
