package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast port CONTAINER [PORT[/PROTO]]}: the container's published ports as {@code docker port} prints
 * them ({@code 80/tcp -> 127.0.0.1:8080}), read from inspect's {@code NetworkSettings.Ports}, which shows the host
 * ports actually taken.
 */
@Command(name = "port", description = "List port mappings or a specific mapping for the container.")
public final class PortCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
    String privatePort;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> inspect = engine().inspect(container);
        Object settings = inspect.get("NetworkSettings");
        Object ports = settings instanceof Map<?, ?> s ? s.get("Ports") : null;
        String wanted = privatePort == null ? null : privatePort.contains("/") ? privatePort : privatePort + "/tcp";
        List<String> lines = new ArrayList<>();
        if (ports instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                if (!(entry.getValue() instanceof List<?> sides) || wanted != null && !wanted.equals(entry.getKey())) {
                    continue;
                }
                for (Object side : sides) {
                    if (side instanceof Map<?, ?> host) {
                        String address = host.get("HostIp") + ":" + host.get("HostPort");
                        lines.add(wanted == null ? entry.getKey() + " -> " + address : address);
                    }
                }
            }
        }
        if (wanted != null && lines.isEmpty()) {
            err().println("Error: No public port '" + wanted + "' published for " + container);
            return 1;
        }
        lines.forEach(out()::println);
        return 0;
    }
}
