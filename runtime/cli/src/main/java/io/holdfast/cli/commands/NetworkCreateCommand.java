package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast network create}: a bridge network of its own, printing its id, as Docker. */
@Command(name = "create", description = "Create a network.")
public final class NetworkCreateCommand extends EngineCommand {

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", description = "Driver to manage the Network (bridge).")
    String driver = "bridge";

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Subnet in CIDR format; default: from "
            + "default-address-pools.")
    String subnet;

    @Option(names = "--gateway", paramLabel = "IP", description = "IPv4 gateway for the subnet.")
    String gateway;

    @Option(names = "--internal", description = "Restrict external access to the network (no default route).")
    boolean internal;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Set metadata on a network.")
    List<String> labels;

    @Option(names = {"-o", "--opt"}, paramLabel = "KEY=VALUE", description = "Set driver specific options "
            + "(com.docker.network.bridge.name).")
    List<String> options;

    @Parameters(arity = "1", paramLabel = "NETWORK")
    String name;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("CheckDuplicate", true);
        body.put("Driver", driver);
        body.put("Internal", internal);
        body.put("Labels", pairs(labels));
        body.put("Options", pairs(options));
        if (subnet != null) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("Subnet", subnet);
            if (gateway != null) {
                config.put("Gateway", gateway);
            }
            body.put("IPAM", Map.of("Driver", "default", "Config", List.of(config)));
        } else if (gateway != null) {
            throw new picocli.CommandLine.ParameterException(spec().commandLine(), "--gateway needs --subnet");
        }
        out().println(engine().createNetwork(body).get("Id"));
        return 0;
    }

    private static Map<String, String> pairs(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        if (values != null) {
            for (String value : values) {
                int equals = value.indexOf('=');
                map.put(equals < 0 ? value : value.substring(0, equals), equals < 0 ? "" : value.substring(equals + 1));
            }
        }
        return map;
    }
}
