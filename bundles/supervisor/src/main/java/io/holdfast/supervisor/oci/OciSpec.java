package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.Ulimit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the OCI runtime {@code config.json} for a container with Docker's defaults and the user's options: own PID,
 * mount, IPC, UTS, network and (where the kernel has them) cgroup namespaces; Docker's default capability set
 * adjusted by CapAdd/CapDrop; the seccomp filter of {@link SeccompProfile} unless unconfined; the masked and
 * read-only {@code /proc} paths of runc's default spec; the mounts of {@link OciMounts}; cgroup limits in
 * {@code linux.resources} (cgroup v1 units; runc translates them on a cgroup v2 host).
 *
 * <pre>{@code ObjectNode spec = OciSpec.build(new OciSpec.Input(id, rootfs, spec, user, netns, false, files));}</pre>
 */
public final class OciSpec {
    /** Docker's default capabilities (moby's {@code oci/caps/defaults.go}). */
    static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    static final List<String> MASKED_PATHS = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** The CFS period Docker uses for {@code NanoCpus}. */
    static final long CPU_PERIOD = 100_000;

    static final ObjectMapper JSON = new ObjectMapper();
    /** Present when the kernel has cgroup namespaces (4.6 and later), with cgroups v1 or v2. */
    static final java.nio.file.Path CGROUP_NAMESPACE = java.nio.file.Path.of("/proc/self/ns/cgroup");

    /**
     * What varies per container.
     *
     * @param id           the container id; its first 12 characters are the default hostname
     * @param rootfs       the root filesystem's absolute path
     * @param spec         what the user asked for
     * @param user         the user the process runs as, resolved in the container's root file system
     * @param netnsPath    a network namespace to join, or {@code null} for a new one
     * @param hostNetwork  no network namespace at all: the container uses the host's
     * @param files        the container's own hosts, hostname and resolv.conf files to bind in
     */
    public record Input(String id, String rootfs, ContainerSpec spec, ResolvedUser user, String netnsPath,
                        boolean hostNetwork, ContainerFiles files) {
        /** The host name the container sees. */
        public String hostname() {
            return spec.naming().hostname().isEmpty() ? id.substring(0, 12) : spec.naming().hostname();
        }
    }

    private OciSpec() {
    }

    public static ObjectNode build(Input in) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("ociVersion", "1.0.2");
        spec.set("process", process(in));
        ObjectNode root = spec.putObject("root");
        root.put("path", in.rootfs());
        root.put("readonly", in.spec().security().readonlyRootfs());
        spec.put("hostname", in.hostname());
        spec.set("mounts", OciMounts.of(in));
        spec.set("linux", linux(in));
        return spec;
    }

    /** The process's arguments: init first when asked for, then entrypoint and command ({@code /bin/sh} if none). */
    static List<String> args(ContainerSpec spec) {
        List<String> line = spec.commandLine().isEmpty() ? List.of("/bin/sh") : spec.commandLine();
        if (!spec.process().init()) {
            return line;
        }
        List<String> withInit = new ArrayList<>(List.of(OciMounts.INIT_IN_CONTAINER, "--"));
        withInit.addAll(line);
        return withInit;
    }

    private static ObjectNode process(Input in) {
        ContainerSpec spec = in.spec();
        ObjectNode process = JSON.createObjectNode();
        process.put("terminal", spec.process().tty());
        if (spec.process().tty() && !spec.process().consoleSize().isEmpty()) {
            process.putObject("consoleSize").put("height", spec.process().consoleSize().get(0))
                    .put("width", spec.process().consoleSize().get(1));
        }
        ObjectNode user = process.putObject("user");
        user.put("uid", in.user().uid());
        user.put("gid", in.user().gid());
        if (!in.user().additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            in.user().additionalGids().forEach(gids::add);
        }
        strings(process.putArray("args"), args(spec));
        List<String> env = new ArrayList<>();
        if (spec.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(DEFAULT_PATH);
        }
        env.add("HOSTNAME=" + in.hostname());
        if (spec.process().tty() && spec.env().stream().noneMatch(e -> e.startsWith("TERM="))) {
            env.add("TERM=xterm"); // as Docker does for a container with a terminal
        }
        env.addAll(spec.env());
        strings(process.putArray("env"), env);
        process.put("cwd", spec.process().workingDir().isEmpty() ? "/" : spec.process().workingDir());
        ObjectNode caps = process.putObject("capabilities");
        List<String> granted = capabilities(spec);
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), granted);
        }
        if (!spec.process().ulimits().isEmpty()) {
            ArrayNode rlimits = process.putArray("rlimits");
            for (Ulimit limit : spec.process().ulimits()) {
                rlimits.addObject().put("type", limit.rlimitType()).put("hard", limit.hard()).put("soft", limit.soft());
            }
        }
        process.put("noNewPrivileges", spec.security().noNewPrivileges());
        return process;
    }

    /** The capabilities the container's process holds. */
    public static List<String> capabilities(ContainerSpec spec) {
        return spec.hostAccess().privileged() ? HostCapabilities.all()
                : spec.security().effective(DEFAULT_CAPABILITIES);
    }

    private static ObjectNode linux(Input in) {
        ObjectNode linux = JSON.createObjectNode();
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String type : List.of("pid", "ipc", "uts", "mount")) {
            namespaces.addObject().put("type", type);
        }
        if (!in.hostNetwork()) {
            ObjectNode network = namespaces.addObject().put("type", "network");
            if (in.netnsPath() != null) {
                network.put("path", in.netnsPath());
            }
        }
        if (java.nio.file.Files.exists(CGROUP_NAMESPACE)) {
            // private even on cgroups v1, where Docker defaults to the host's: see README, Security
            namespaces.addObject().put("type", "cgroup");
        }
        if (!in.spec().naming().domainname().isEmpty()) {
            // as a sysctl of the container's UTS namespace, not the spec's "domainname", which runc 1.1 ignores
            linux.putObject("sysctl").put("kernel.domainname", in.spec().naming().domainname());
        }
        linux.put("cgroupsPath", "/holdfast-" + in.id());
        ObjectNode resources = linux.putObject("resources");
        ArrayNode cgroupRules = resources.putArray("devices");
        cgroupRules.addObject().put("allow", false).put("access", "rwm");
        HostDevices.add(linux, cgroupRules, in.spec().hostAccess());
        limits(resources, in.spec().resources());
        // Docker runs a privileged container without seccomp and masks nothing for it
        SeccompProfile seccomp = in.spec().hostAccess().privileged() ? null : SeccompProfile.of(in.spec().security());
        if (seccomp != null) {
            linux.set("seccomp", SeccompFilter.forHost().oci(seccomp, capabilities(in.spec())));
        }
        if (!in.spec().hostAccess().privileged()) {
            strings(linux.putArray("maskedPaths"), MASKED_PATHS);
            strings(linux.putArray("readonlyPaths"), READONLY_PATHS);
        }
        return linux;
    }

    /** The OCI {@code linux.resources} of {@code limits} alone, for the runtime's {@code update}. */
    public static String resourcesJson(ResourceLimits limits) {
        ObjectNode resources = JSON.createObjectNode();
        limits(resources, limits);
        return resources.toString();
    }

    private static void limits(ObjectNode resources, ResourceLimits limits) {
        if (limits.memory() > 0) {
            ObjectNode memory = resources.putObject("memory").put("limit", limits.memory());
            if (limits.memorySwap() != 0) {
                memory.put("swap", limits.memorySwap());
            }
        }
        ObjectNode cpu = JSON.createObjectNode();
        if (limits.cpuShares() > 0) {
            cpu.put("shares", limits.cpuShares());
        }
        if (limits.nanoCpus() > 0) {
            cpu.put("quota", limits.nanoCpus() * CPU_PERIOD / 1_000_000_000L).put("period", CPU_PERIOD);
        }
        if (limits.cpuQuota() != 0) {
            cpu.put("quota", limits.cpuQuota());
        }
        if (limits.cpuPeriod() > 0) {
            cpu.put("period", limits.cpuPeriod());
        }
        if (!cpu.isEmpty()) {
            resources.set("cpu", cpu);
        }
        if (limits.pidsLimit() > 0) {
            resources.putObject("pids").put("limit", limits.pidsLimit());
        }
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
