package io.holdfast.common.docker;

import io.holdfast.docker.model.HostConfig.PortMapping;
import io.holdfast.spi.container.PortBinding;
import io.holdfast.spi.container.PortOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's ports as Docker shows them: what was asked ({@code HostConfig.PortBindings},
 * {@code Config.ExposedPorts}) and what is published now ({@code NetworkSettings.Ports}, the {@code Ports} of
 * {@code GET /containers/json}), the latter with the host ports actually taken ({@code -P}, {@code -p 80}).
 */
final class PortViews {
    private PortViews() {
    }

    /** {@code {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}]}}; an empty host port means any. */
    static Map<String, List<PortMapping>> requested(PortOptions ports) {
        Map<String, List<PortMapping>> bindings = new LinkedHashMap<>();
        for (PortBinding b : ports.bindings()) {
            bindings.computeIfAbsent(b.portKey(), k -> new ArrayList<>()).add(new PortMapping(b.hostIp(),
                    b.hostPort() == 0 ? "" : Integer.toString(b.hostPort())));
        }
        return bindings;
    }

    /** {@code {"80/tcp": {}}}: every exposed port, those of the bindings included. */
    static Map<String, Object> exposed(PortOptions ports) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        ports.allExposed().forEach(port -> exposed.put(port, Map.of()));
        return exposed;
    }

    /**
     * Docker's {@code NetworkSettings.Ports} of a running container: each exposed port, with its published host
     * sides or {@code null} when it is not published; empty when nothing runs.
     */
    static Map<String, Object> published(PortOptions ports, List<PortBinding> published, boolean running) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (!running) {
            return view;
        }
        ports.allExposed().forEach(port -> view.put(port, null));
        for (PortBinding b : published) {
            @SuppressWarnings("unchecked")
            List<PortMapping> sides = (List<PortMapping>) view.get(b.portKey());
            if (sides == null) {
                sides = new ArrayList<>();
                view.put(b.portKey(), sides);
            }
            sides.add(new PortMapping(b.bindAddress(), Integer.toString(b.hostPort())));
        }
        return view;
    }

    /** The {@code Ports} of a list entry: {@code {"IP", "PrivatePort", "PublicPort", "Type"}}, per published side. */
    static List<Object> summary(PortOptions ports, List<PortBinding> published, boolean running) {
        List<Object> entries = new ArrayList<>();
        if (!running) {
            return entries;
        }
        List<String> unpublished = new ArrayList<>(ports.allExposed());
        for (PortBinding b : published) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("IP", b.bindAddress());
            entry.put("PrivatePort", b.containerPort());
            entry.put("PublicPort", b.hostPort());
            entry.put("Type", b.protocol());
            entries.add(entry);
            unpublished.remove(b.portKey());
        }
        for (String port : unpublished) {
            String[] parts = port.split("/");
            entries.add(Map.of("PrivatePort", Integer.parseInt(parts[0]), "Type", parts[1]));
        }
        return entries;
    }
}
