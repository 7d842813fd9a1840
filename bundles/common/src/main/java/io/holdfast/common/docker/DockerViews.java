package io.holdfast.common.docker;

import io.holdfast.common.text.HumanDuration;
import io.holdfast.docker.model.ContainerConfig;
import io.holdfast.docker.model.ContainerInspect;
import io.holdfast.docker.model.ContainerState;
import io.holdfast.docker.model.ContainerSummary;
import io.holdfast.docker.model.EndpointSettings;
import io.holdfast.docker.model.HostConfig;
import io.holdfast.docker.model.ImageHistoryEntry;
import io.holdfast.docker.model.ImageInspect;
import io.holdfast.docker.model.ImageSummary;
import io.holdfast.docker.model.NetworkSettings;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.PortBinding;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.image.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders the SPI's records as Docker Engine API v1.41 renders containers and images: the typed model's records. */
public final class DockerViews {
    /** Docker prints Go's zero time for times that never happened. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";
    /**
     * The log driver clients are told of. Monitors write Kubernetes' CRI log format, not Docker's JSON lines, but
     * "json-file" is what tells a Docker client that {@code logs} reads a container's output back, which holds.
     */
    static final String LOG_DRIVER = "json-file";
    static final String IMPORTED = "imported from a tarball";

    private DockerViews() {
    }

    public static ContainerSummary summary(ContainerRecord c, Instant now) {
        return summary(c, now, null, null);
    }

    /** With {@code size=1}: the bytes of the container's own layer, and those plus its image's. */
    public static ContainerSummary summary(ContainerRecord c, Instant now, Long sizeRw, Long sizeRootFs) {
        return summary(c, now, sizeRw, sizeRootFs, List.of());
    }

    /** With the ports the container publishes now ({@code Containers.publishedPorts}). */
    public static ContainerSummary summary(ContainerRecord c, Instant now, Long sizeRw, Long sizeRootFs,
                                           List<PortBinding> published) {
        return new ContainerSummary(c.id(), List.of("/" + c.name()), c.spec().image(), c.imageId(),
                String.join(" ", command(c.spec())), c.created().getEpochSecond(),
                PortViews.summary(c.spec().ports(), published, c.state().running()), sizeRw, sizeRootFs,
                c.spec().labels(),
                statusWord(c.state()), statusText(c, now),
                new ContainerSummary.SummaryHostConfig(c.spec().networkMode()),
                new ContainerSummary.SummaryNetworkSettings(summaryNetworks(c)),
                CreateOptionViews.mountPoints(c.spec()));
    }

    /** Every network of the container, its first one first, as {@code NetworkSettings.Networks}. */
    private static Map<String, EndpointSettings> summaryNetworks(ContainerRecord c) {
        Map<String, EndpointSettings> networks = new java.util.LinkedHashMap<>();
        networks.put(c.spec().networkMode(), endpoint(c, c.network(), c.spec().naming().networkAliases()));
        c.connected().forEach((name, connection) -> networks.put(name, endpoint(c, connection.attachment(),
                connection.aliases())));
        return networks;
    }

    /** ps's status with the health after it, as Docker's: {@code Up 5 minutes (healthy)}. */
    public static String statusText(ContainerRecord c, Instant now) {
        String text = statusText(c.state(), now);
        return c.state().paused() ? text : text + HealthViews.psSuffix(c);
    }

    public static String statusText(RunState s, Instant now) {
        return switch (s.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(Duration.between(s.startedAt(), now))
                    + (s.paused() ? " (Paused)" : "");
            case RESTARTING -> "Restarting (" + s.exitCode() + ") " + ago(s.finishedAt(), now);
            case EXITED, DEAD -> s.finishedAt() == null ? "Exited (" + s.exitCode() + ")"
                    : "Exited (" + s.exitCode() + ") " + ago(s.finishedAt(), now);
        };
    }

    /** Docker's {@code State.Status}: a paused container is "paused", though it runs. */
    public static String statusWord(RunState s) {
        return s.paused() ? "paused" : s.status().word();
    }

    private static String ago(Instant then, Instant now) {
        return then == null ? "" : HumanDuration.ago(then, now);
    }

    public static ContainerInspect inspect(ContainerRecord c) {
        return inspect(c, null, null);
    }

    /** With {@code size=1}: the bytes of the container's own layer, and those plus its image's. */
    public static ContainerInspect inspect(ContainerRecord c, Long sizeRw, Long sizeRootFs) {
        return inspect(c, sizeRw, sizeRootFs, List.of());
    }

    /** With the ports the container publishes now ({@code Containers.publishedPorts}). */
    public static ContainerInspect inspect(ContainerRecord c, Long sizeRw, Long sizeRootFs,
                                           List<PortBinding> published) {
        ContainerSpec spec = c.spec();
        List<String> command = command(spec);
        String bundle = c.bundleDir();
        return new ContainerInspect(c.id(), c.created().toString(), command.get(0),
                command.subList(1, command.size()), state(c), c.imageId(), "",
                bundle + "/hostname", bundle + "/hosts", c.logPath(), "/" + c.name(), c.restartCount(),
                c.storageDriver(), "linux", "", "", "", null,
                CreateOptionViews.hostConfig(spec, new HostConfig.LogConfig(LOG_DRIVER, Map.of())),
                new ContainerInspect.GraphDriver(c.storageDriver(), Map.of("RootDir", c.rootfs())), sizeRw,
                sizeRootFs, CreateOptionViews.mountPoints(spec),
                config(c).withHealthcheck(HealthViews.config(spec.healthcheck())), networkSettings(c, published));
    }

    private static ContainerState state(ContainerRecord c) {
        RunState s = c.state();
        return new ContainerState(statusWord(s), s.running(), s.paused(), s.status() == ContainerStatus.RESTARTING,
                false, s.status() == ContainerStatus.DEAD, s.pid(), s.exitCode(), s.error() == null ? "" : s.error(),
                s.startedAt() == null ? ZERO_TIME : s.startedAt().toString(),
                s.finishedAt() == null ? ZERO_TIME : s.finishedAt().toString(), HealthViews.inspect(c));
    }

    private static ContainerConfig config(ContainerRecord c) {
        ContainerSpec spec = c.spec();
        var process = spec.process();
        String hostname = spec.naming().hostname().isEmpty() ? c.shortId() : spec.naming().hostname();
        return new ContainerConfig(hostname, spec.naming().domainname(), process.user(), spec.stdin().open(), true,
                true, PortViews.exposed(spec.ports()), process.tty(), spec.stdin().open(), spec.stdin().once(), spec.env(), spec.cmd().isEmpty() ? null : spec.cmd(), spec.image(), Map.of(),
                process.workingDir(), process.entrypoint().isEmpty() ? null : process.entrypoint(), spec.labels(),
                process.stopSignal().isEmpty() ? "SIGTERM" : process.stopSignal(), spec.stopTimeoutSeconds());
    }

    /**
     * Docker's {@code NetworkSettings}: the first network's report at top level, and every network, the first and
     * those the container was connected to, under {@code Networks.<name>}.
     */
    private static NetworkSettings networkSettings(ContainerRecord c, List<PortBinding> published) {
        EndpointSettings endpoint = endpoint(c, c.network(), c.spec().naming().networkAliases());
        String sandbox = c.network() == null ? "" : c.network().settings().getOrDefault("SandboxKey", "");
        Map<String, EndpointSettings> networks = new java.util.LinkedHashMap<>();
        networks.put(c.spec().networkMode(), endpoint);
        c.connected().forEach((name, connection) -> networks.put(name, endpoint(c, connection.attachment(),
                connection.aliases())));
        return new NetworkSettings(sandbox, PortViews.published(c.spec().ports(), published, c.state().running()),
                endpoint.ipAddress(), endpoint.ipPrefixLen(),
                endpoint.gateway(), endpoint.macAddress(), networks);
    }

    private static EndpointSettings endpoint(ContainerRecord c, io.holdfast.spi.network.NetworkAttachment attachment,
                                             List<String> networkAliases) {
        Map<String, String> reported = attachment == null ? Map.of() : attachment.settings();
        String networkId = reported.get("NetworkID"); // set by user-defined networks only
        List<String> aliases = null;
        if (networkId != null) {
            aliases = new java.util.ArrayList<>(networkAliases);
            aliases.add(c.shortId()); // as Docker: the short id is an alias too
        }
        return new EndpointSettings(reported.getOrDefault("IPAddress", ""), prefixLength(reported.get("IPPrefixLen")),
                reported.getOrDefault("Gateway", ""), reported.getOrDefault("MacAddress", ""), networkId, aliases,
                networkId == null ? null : endpointId(c.id(), networkId));
    }

    /**
     * Docker's {@code EndpointID} for the container on a user network: 64 hex digits, derived (SHA-256 of both ids)
     * rather than stored, so it is the same after every restore and differs per network.
     */
    public static String endpointId(String containerId, String networkId) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((containerId + "/" + networkId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Docker prints a number; a bridge that reported none, or something else, shows 0. */
    private static int prefixLength(String reported) {
        try {
            return reported == null ? 0 : Integer.parseInt(reported);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static ImageSummary image(ImageRecord image) {
        // SharedSize and Containers are -1: Docker's "not computed"
        return new ImageSummary(image.id(), "", image.repoTags(), List.of(), image.created().getEpochSecond(),
                image.size(), -1, image.size(), Map.of(), -1);
    }

    /** An imported image: a root filesystem without a config of its own (so every config field is empty). */
    public static ImageInspect imageInspect(ImageRecord image) {
        var c = image.config();
        Map<String, Object> exposed = new java.util.LinkedHashMap<>();
        c.exposedPorts().forEach(port -> exposed.put(port, Map.of()));
        Map<String, Object> volumes = new java.util.LinkedHashMap<>();
        c.volumes().forEach(path -> volumes.put(path, Map.of()));
        ContainerConfig config = new ContainerConfig("", "", c.user(), false, false, false, exposed, false, false,
                false, c.env(), c.cmd().isEmpty() ? null : c.cmd(), "", volumes, c.workingDir(),
                c.entrypoint().isEmpty() ? null : c.entrypoint(), c.labels(), c.stopSignal(), null)
                .withHealthcheck(HealthViews.config(c.healthcheck()));
        return new ImageInspect(image.id(), image.repoTags(), List.of(), "", IMPORTED,
                image.created().toString(), "", "", config, EngineIdentity.architecture(), "linux", image.size(),
                image.size(), new ImageInspect.RootFs("layers", List.of()));
    }

    /** An imported image is one layer: the tarball it was imported from. */
    public static List<ImageHistoryEntry> history(ImageRecord image) {
        return List.of(new ImageHistoryEntry(image.id(), image.created().getEpochSecond(), "", image.repoTags(),
                image.size(), IMPORTED));
    }

    /** What runs: entrypoint and command, {@code /bin/sh} when both are empty; Docker's Path and Args. */
    private static List<String> command(ContainerSpec spec) {
        return spec.commandLine().isEmpty() ? List.of("/bin/sh") : spec.commandLine();
    }
}
