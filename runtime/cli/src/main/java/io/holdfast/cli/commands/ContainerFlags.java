package io.holdfast.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Docker's create options beyond name, restart, env and network, spelled as {@code docker run} spells them, and
 * rendered into the {@code Config} and {@code HostConfig} fields of the create body. The engine checks the values;
 * this class only converts what the command line writes as text (sizes, CPU counts, mount specs).
 */
public final class ContainerFlags {
    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "Username or UID, optionally with a group or GID.")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the default entrypoint.")
    String entrypoint;

    @Option(names = {"-h", "--hostname"}, paramLabel = "NAME", description = "Container host name.")
    String hostname;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "Set metadata on the container.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "Signal to stop the container (default: TERM).")
    String stopSignal;

    @Option(names = {"-v", "--volume"}, paramLabel = "SRC:DST[:OPTS]", description = "Bind mount a host path (absolute) or a volume, e.g. /srv/data:/data:ro, pgdata:/data, /data (anonymous).")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--volumes-from", paramLabel = "CONTAINER[:ro|rw]", description = "Mount the volumes and binds of the given container.")
    List<String> volumesFrom = new ArrayList<>();

    @Option(names = "--mount", paramLabel = "type=bind|tmpfs|volume,...", converter = MountFlag.class, description = "Attach a mount: type=bind,source=,target=[,readonly][,bind-propagation=], type=tmpfs,target=[,tmpfs-size=][,tmpfs-mode=] or type=volume,source=NAME,target=[,readonly][,volume-driver=].")
    List<Map<String, Object>> mounts = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "DST[:OPTS]", description = "Mount a tmpfs, e.g. /run:size=64m.")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--read-only", description = "Mount the container's root file system read-only.")
    boolean readOnly;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add a Linux capability (or ALL).")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop a Linux capability (or ALL).")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--security-opt", paramLabel = "OPT", converter = SecurityOptFlag.class,
            description = "Security option: no-new-privileges[:true|false], seccomp=unconfined|builtin|PROFILE.json.")
    List<String> securityOpts = new ArrayList<>();

    @Option(names = "--runtime", paramLabel = "NAME", description = "OCI runtime for the container, by its name in daemon.json (runc, crun).")
    String runtime;

    @Option(names = {"-m", "--memory"}, paramLabel = "BYTES", converter = Sizes.Bytes.class,
            description = "Memory limit, e.g. 64m.")
    Long memory;

    @Option(names = "--cpus", paramLabel = "N", converter = Sizes.NanoCpus.class, description = "Number of CPUs, e.g. 0.5.")
    Long nanoCpus;

    @Option(names = "--pids-limit", paramLabel = "N", description = "Process limit (-1: unlimited).")
    Long pidsLimit;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", converter = Sizes.UlimitFlag.class,
            description = "Resource limit, e.g. nofile=1024:2048.")
    List<Map<String, Object>> ulimits = new ArrayList<>();

    @Option(names = "--init", description = "Run an init (tini) as PID 1 that forwards signals and reaps processes.")
    boolean init;

    @Option(names = "--add-host", paramLabel = "HOST:IP", description = "Add a line to the container's /etc/hosts.")
    List<String> addHosts = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "IP", description = "Set a DNS server.")
    List<String> dns = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOST_PORT:]PORT[/PROTO]", converter = PublishFlag.class,
            description = "Publish a container port on the host, e.g. 127.0.0.1:8080:80, 8080-8081:80-81/udp.")
    List<PublishFlag.Spec> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish every exposed port on a free host port.")
    boolean publishAll;

    @Option(names = "--expose", paramLabel = "PORT[-END][/PROTO]", description = "Expose a port (published by -P).")
    List<String> expose = new ArrayList<>();

    /** The {@code Config} fields these flags set. */
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        putIf(config, "User", user);
        putIf(config, "WorkingDir", workdir);
        putIf(config, "Hostname", hostname);
        putIf(config, "StopSignal", stopSignal);
        if (entrypoint != null) {
            config.put("Entrypoint", List.of(entrypoint));
        }
        if (!labels.isEmpty()) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String label : labels) {
                int eq = label.indexOf('=');
                map.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
            }
            config.put("Labels", map);
        }
        Map<String, Object> exposed = new LinkedHashMap<>();
        expose.forEach(e -> PublishFlag.exposed(e).forEach(key -> exposed.put(key, Map.of())));
        publish.forEach(p -> p.entries().forEach(e -> exposed.put(e.portKey(), Map.of())));
        if (!exposed.isEmpty()) {
            config.put("ExposedPorts", exposed); // as the docker CLI: every published port is exposed too
        }
        return config;
    }

    /** The {@code HostConfig} fields these flags set. */
    Map<String, Object> hostConfig() {
        Map<String, Object> host = new LinkedHashMap<>();
        putIf(host, "Binds", volumes);
        putIf(host, "Mounts", mounts);
        putIf(host, "VolumesFrom", volumesFrom);
        if (!tmpfs.isEmpty()) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String entry : tmpfs) {
                int colon = entry.indexOf(':');
                map.put(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? "" : entry.substring(colon + 1));
            }
            host.put("Tmpfs", map);
        }
        if (readOnly) {
            host.put("ReadonlyRootfs", true);
        }
        putIf(host, "CapAdd", capAdd);
        putIf(host, "CapDrop", capDrop);
        putIf(host, "SecurityOpt", securityOpts);
        putIf(host, "Runtime", runtime);
        putIf(host, "Memory", memory);
        putIf(host, "NanoCpus", nanoCpus);
        if (pidsLimit != null) {
            host.put("PidsLimit", pidsLimit);
        }
        putIf(host, "Ulimits", ulimits);
        if (init) {
            host.put("Init", true);
        }
        putIf(host, "ExtraHosts", addHosts);
        putIf(host, "Dns", dns);
        if (!publish.isEmpty()) {
            host.put("PortBindings", PublishFlag.portBindings(publish.stream().flatMap(p -> p.entries().stream()).toList()));
        }
        if (publishAll) {
            host.put("PublishAllPorts", true);
        }
        return host;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            map.put(key, value);
        }
    }
}
