package io.holdfast.spi.container;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ports a container publishes: Docker's {@code HostConfig.PortBindings} ({@code -p}),
 * {@code HostConfig.PublishAllPorts} ({@code -P}) and {@code Config.ExposedPorts} ({@code --expose}).
 *
 * <pre>{@code new PortOptions(List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")), List.of("443/tcp"), true)}</pre>
 *
 * @param bindings   the explicit bindings, in the order given; a container port may be bound more than once
 * @param exposed    the exposed ports as {@code PORT/PROTOCOL}, e.g. {@code 80/tcp}; {@code -P} publishes each
 * @param publishAll {@code -P}: every exposed port without an explicit binding goes to a free host port
 */
public record PortOptions(List<PortBinding> bindings, List<String> exposed, boolean publishAll) {
    public static final PortOptions NONE = new PortOptions(List.of(), List.of(), false);

    public PortOptions {
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        List<String> normalised = new ArrayList<>();
        for (String port : exposed == null ? List.<String>of() : exposed) {
            normalised.add(normalise(port));
        }
        exposed = List.copyOf(new LinkedHashSet<>(normalised));
    }

    /** What a start publishes: the bindings, then, with {@code -P}, any free port for each exposed port left. */
    public List<PortBinding> toPublish() {
        List<PortBinding> all = new ArrayList<>(bindings);
        if (publishAll) {
            Set<String> bound = new LinkedHashSet<>();
            bindings.forEach(b -> bound.add(b.portKey()));
            for (String port : exposed) {
                if (!bound.contains(port)) {
                    String[] parts = port.split("/");
                    all.add(new PortBinding("", 0, Integer.parseInt(parts[0]), parts[1]));
                }
            }
        }
        return all;
    }

    /** Exposed ports, those of the bindings included, as Docker's {@code Config.ExposedPorts} lists them. */
    public List<String> allExposed() {
        Set<String> all = new LinkedHashSet<>(exposed);
        bindings.forEach(b -> all.add(b.portKey()));
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return bindings.isEmpty() && exposed.isEmpty() && !publishAll;
    }

    /** {@code 80}, {@code 80/tcp} or {@code 53/UDP} as {@code 80/tcp}, {@code 53/udp}; anything else is refused. */
    static String normalise(String port) {
        String[] parts = port.strip().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("exposed port \"" + port + "\": expected PORT[/tcp|udp]");
        }
        int number;
        try {
            number = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("exposed port \"" + port + "\": expected PORT[/tcp|udp]");
        }
        return new PortBinding("", 0, number, parts.length == 2 ? parts[1] : PortBinding.TCP).portKey();
    }
}
