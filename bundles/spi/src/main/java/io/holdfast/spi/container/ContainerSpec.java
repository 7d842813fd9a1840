package io.holdfast.spi.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user asks for when creating a container: Docker's {@code Config} and {@code HostConfig}, the parts Holdfast
 * supports.
 *
 * @param name        the unique name, or {@code null} to have one generated
 * @param image       the image reference as the user wrote it, e.g. {@code busybox:latest}
 * @param cmd         the command and its arguments; empty means the image default ({@code /bin/sh})
 * @param env         {@code KEY=VALUE} entries
 * @param restartPolicy when the engine starts the container again after it exits
 * @param autoRemove  remove the container once it has exited ({@code --rm})
 * @param networkMode the network bridge's name, e.g. {@code none}
 * @param runtime     the OCI runtime's name from daemon.json, or {@code null} for the default
 * @param stopTimeoutSeconds seconds between the stop signal and SIGKILL on stop
 * @param process     entrypoint, working directory, user, stop signal, init, rlimits
 * @param naming      host name, domain name, extra hosts, DNS
 * @param mounts      bind mounts and tmpfs mounts, in the order given
 * @param resources   cgroup limits
 * @param security    capabilities, read-only root file system, no-new-privileges
 * @param labels      the user's metadata, kept and shown, never interpreted
 * @param stdin       whether stdin stays open for attached clients
 * @param hostAccess  host devices, or everything of the host ({@code --privileged})
 * @param healthcheck how the engine probes it; {@code null}: none asked (the image's applies at create)
 * @param ports       published and exposed ports ({@code -p}, {@code -P}, {@code --expose})
 * @param ipv4Address the fixed address asked for on {@code networkMode} ({@code --ip}); empty: any
 *
 * <p>Records written before the option records existed have none of them; they read as the defaults.
 */
public record ContainerSpec(String name, String image, List<String> cmd, List<String> env,
                            RestartPolicy restartPolicy, boolean autoRemove, String networkMode,
                            String runtime, int stopTimeoutSeconds, ProcessOptions process, NamingOptions naming,
                            List<MountSpec> mounts, ResourceLimits resources, SecurityOptions security,
                            Map<String, String> labels, StdinOptions stdin, HostAccess hostAccess,
                            HealthConfig healthcheck, PortOptions ports, String ipv4Address) {
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 10;

    /** A container with every option at its default. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, null, null,
                null, null, null, null, null);
    }

    /** A container with any address on its network. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds,
                         ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                         ResourceLimits resources, SecurityOptions security, Map<String, String> labels,
                         StdinOptions stdin, HostAccess hostAccess, HealthConfig healthcheck, PortOptions ports) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, process,
                naming, mounts, resources, security, labels, stdin, hostAccess, healthcheck, ports, "");
    }

    /** A container that publishes no port. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds,
                         ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                         ResourceLimits resources, SecurityOptions security, Map<String, String> labels,
                         StdinOptions stdin, HostAccess hostAccess, HealthConfig healthcheck) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, process,
                naming, mounts, resources, security, labels, stdin, hostAccess, healthcheck, null);
    }

    /** A container without a health check of its own. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds,
                         ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                         ResourceLimits resources, SecurityOptions security, Map<String, String> labels,
                         StdinOptions stdin, HostAccess hostAccess) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, process,
                naming, mounts, resources, security, labels, stdin, hostAccess, (HealthConfig) null);
    }

    /** A container with Docker's default access to the host. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds,
                         ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                         ResourceLimits resources, SecurityOptions security, Map<String, String> labels,
                         StdinOptions stdin) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, process,
                naming, mounts, resources, security, labels, stdin, null);
    }

    /** A container whose stdin is closed. */
    public ContainerSpec(String name, String image, List<String> cmd, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String networkMode, String runtime, int stopTimeoutSeconds,
                         ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                         ResourceLimits resources, SecurityOptions security, Map<String, String> labels) {
        this(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime, stopTimeoutSeconds, process,
                naming, mounts, resources, security, labels, null);
    }

    public ContainerSpec {
        process = process == null ? ProcessOptions.DEFAULT : process;
        naming = naming == null ? NamingOptions.DEFAULT : naming;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? ResourceLimits.NONE : resources;
        security = security == null ? SecurityOptions.DEFAULT : security;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        stdin = stdin == null ? StdinOptions.CLOSED : stdin;
        hostAccess = hostAccess == null ? HostAccess.NONE : hostAccess;
        ports = ports == null ? PortOptions.NONE : ports;
        ipv4Address = ipv4Address == null ? "" : ipv4Address;
        java.util.Set<String> targets = new java.util.HashSet<>();
        for (MountSpec mount : mounts) {
            if (!targets.add(mount.target())) {
                throw new IllegalArgumentException("duplicate mount point: " + mount.target());
            }
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an image is required");
        }
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
        restartPolicy = restartPolicy == null ? RestartPolicy.NONE : restartPolicy;
        if (autoRemove && !restartPolicy.name().equals(RestartPolicy.NO)) {
            throw new IllegalArgumentException("conflicting options: --restart " + restartPolicy + " and --rm");
        }
        for (String e : env) {
            if (e.isEmpty() || e.startsWith("=")) {
                throw new IllegalArgumentException("environment entry \"" + e + "\": expected KEY=VALUE");
            }
        }
        if (stopTimeoutSeconds < 0) {
            throw new IllegalArgumentException("stop timeout must be >= 0 seconds, got " + stopTimeoutSeconds);
        }
    }

    /** The same container with the limits and restart policy of a {@code docker update}. */
    public ContainerSpec updated(ResourceLimits newResources, RestartPolicy newRestartPolicy) {
        return new ContainerSpec(name, image, cmd, env, newRestartPolicy, autoRemove, networkMode, runtime,
                stopTimeoutSeconds, process, naming, mounts, newResources, security, labels, stdin, hostAccess,
                healthcheck, ports, ipv4Address);
    }

    /** The same request under the name, network and runtime the engine settled on. */
    public ContainerSpec settled(String settledName, String settledNetwork, String settledRuntime,
                                 ResourceLimits settledResources) {
        return new ContainerSpec(settledName, image, cmd, env, restartPolicy, autoRemove, settledNetwork,
                settledRuntime, stopTimeoutSeconds, process, naming, mounts, settledResources, security, labels,
                stdin, hostAccess, healthcheck, ports, ipv4Address);
    }

    /** The same request with {@code check} as its health check ({@code null}: none). */
    public ContainerSpec withHealthcheck(HealthConfig check) {
        return new ContainerSpec(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime,
                stopTimeoutSeconds, process, naming, mounts, resources, security, labels, stdin, hostAccess, check,
                ports, ipv4Address);
    }

    /** The same request with {@code resolved} as its mounts (volumes found or made, {@code --volumes-from}). */
    public ContainerSpec withMounts(List<MountSpec> resolved) {
        return new ContainerSpec(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime,
                stopTimeoutSeconds, process, naming, resolved, resources, security, labels, stdin, hostAccess,
                healthcheck, ports, ipv4Address);
    }

    /** The same request with {@code published} as its ports. */
    public ContainerSpec withPorts(PortOptions published) {
        return new ContainerSpec(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime,
                stopTimeoutSeconds, process, naming, mounts, resources, security, labels, stdin, hostAccess,
                healthcheck, published, ipv4Address);
    }

    /** The same request with {@code address} as its fixed address ({@code --ip}; empty: any). */
    public ContainerSpec withIpv4Address(String address) {
        return new ContainerSpec(name, image, cmd, env, restartPolicy, autoRemove, networkMode, runtime,
                stopTimeoutSeconds, process, naming, mounts, resources, security, labels, stdin, hostAccess,
                healthcheck, ports, address);
    }

    /** What the process runs: the entrypoint followed by the command. */
    public List<String> commandLine() {
        List<String> line = new java.util.ArrayList<>(process.entrypoint());
        line.addAll(cmd);
        return line;
    }
}
