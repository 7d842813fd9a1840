package io.holdfast.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Docker's {@code -p/--publish [IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp]}, ranges included
 * ({@code -p 127.0.0.1:18080-18081:80-81}), as the create body's {@code HostConfig.PortBindings} entries: one per
 * container port, as the docker CLI expands them. No host port (or {@code IP::PORT}) means any free one.
 *
 * <pre>{@code PublishFlag.parse("127.0.0.1:8080:80") // [80/tcp -> {HostIp=127.0.0.1, HostPort=8080}]}</pre>
 */
public final class PublishFlag implements ITypeConverter<PublishFlag.Spec> {

    /** One container port and where it is published. */
    public record Entry(String portKey, String hostIp, String hostPort) {
    }

    /** One {@code -p} as written, expanded. */
    public record Spec(List<Entry> entries) {
    }

    @Override
    public Spec convert(String value) {
        try {
            return new Spec(parse(value));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    public static List<Entry> parse(String spec) {
        String text = spec.strip();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            text = text.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw invalid(spec, "protocol \"" + protocol + "\" (expected tcp or udp)");
            }
        }
        String[] parts = text.split(":", -1);
        String hostIp = "";
        String hostPorts = "";
        String containerPorts;
        switch (parts.length) {
            case 1 -> containerPorts = parts[0];
            case 2 -> {
                hostPorts = parts[0];
                containerPorts = parts[1];
            }
            case 3 -> {
                hostIp = parts[0];
                hostPorts = parts[1];
                containerPorts = parts[2];
            }
            default -> throw invalid(spec, "too many colons (IPv6 host addresses are not supported)");
        }
        if (!hostIp.isEmpty() && !hostIp.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            throw invalid(spec, "host address \"" + hostIp + "\" (expected an IPv4 address)");
        }
        int[] container = range(spec, containerPorts, "container port");
        int[] host = hostPorts.isEmpty() ? null : range(spec, hostPorts, "host port");
        int count = container[1] - container[0] + 1;
        if (host != null && host[1] - host[0] + 1 != count) {
            throw invalid(spec, "the host range " + hostPorts + " and the container range " + containerPorts
                    + " differ in length");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry((container[0] + i) + "/" + protocol, hostIp,
                    host == null ? "" : Integer.toString(host[0] + i)));
        }
        return entries;
    }

    /** The entries as {@code HostConfig.PortBindings}: {@code {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}}. */
    static Map<String, Object> portBindings(List<Entry> entries) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (Entry e : entries) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> sides = (List<Map<String, String>>) bindings.computeIfAbsent(e.portKey(),
                    k -> new ArrayList<Map<String, String>>());
            Map<String, String> side = new LinkedHashMap<>(); // in Docker's order, whatever the JVM's hash seed
            side.put("HostIp", e.hostIp());
            side.put("HostPort", e.hostPort());
            sides.add(side);
        }
        return bindings;
    }

    /** {@code --expose PORT[-END][/tcp|udp]} as {@code Config.ExposedPorts} keys. */
    static List<String> exposed(String spec) {
        String text = spec.strip();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            text = text.substring(0, slash);
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("invalid --expose \"" + spec + "\": protocol \"" + protocol
                    + "\" (expected tcp or udp)");
        }
        int[] ports = range(spec, text, "port");
        List<String> keys = new ArrayList<>();
        for (int p = ports[0]; p <= ports[1]; p++) {
            keys.add(p + "/" + protocol);
        }
        return keys;
    }

    private static int[] range(String spec, String text, String what) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw invalid(spec, what + " \"" + text + "\" (expected PORT or START-END)");
        }
        int start = port(spec, ends[0], what);
        int end = ends.length == 2 ? port(spec, ends[1], what) : start;
        if (end < start) {
            throw invalid(spec, what + " range " + text + " ends before it starts");
        }
        return new int[] {start, end};
    }

    private static int port(String spec, String text, String what) {
        if (!text.matches("[0-9]{1,5}")) {
            throw invalid(spec, what + " \"" + text + "\" (expected a number from 1 to 65535)");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw invalid(spec, what + " " + port + " (expected 1 to 65535)");
        }
        return port;
    }

    private static IllegalArgumentException invalid(String spec, String why) {
        return new IllegalArgumentException("invalid -p \"" + spec + "\": " + why
                + "; expected [IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp]");
    }
}
