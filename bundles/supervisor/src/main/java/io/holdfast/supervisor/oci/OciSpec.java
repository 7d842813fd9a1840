package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the OCI runtime {@code config.json} for a container with Docker's defaults: own PID, mount, IPC, UTS and
 * network namespaces; Docker's default capability set; {@code noNewPrivileges}; the masked and read-only
 * {@code /proc} paths of runc's default spec; Docker's {@code /dev}, {@code /dev/shm}, {@code /sys} mounts.
 *
 * <pre>{@code ObjectNode spec = OciSpec.build(new OciSpec.Input(id, rootfs, List.of("sh"), env, null, hostsFile, hostnameFile));}</pre>
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What varies per container.
     *
     * @param id            the container id; its first 12 characters become the hostname
     * @param rootfs        the root filesystem's absolute path
     * @param args          the command; empty means {@code /bin/sh}
     * @param env           {@code KEY=VALUE} entries added to Docker's defaults
     * @param netnsPath     a network namespace to join, or {@code null} for a new one
     * @param hostNetwork   no network namespace at all: the container uses the host's
     * @param hostsFile     the {@code /etc/hosts} to bind in
     * @param hostnameFile  the {@code /etc/hostname} to bind in
     */
    public record Input(String id, String rootfs, List<String> args, List<String> env, String netnsPath,
                        boolean hostNetwork, String hostsFile, String hostnameFile) {
    }

    private OciSpec() {
    }

    public static ObjectNode build(Input in) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("ociVersion", "1.0.2");
        spec.set("process", process(in));
        ObjectNode root = spec.putObject("root");
        root.put("path", in.rootfs());
        root.put("readonly", false);
        spec.put("hostname", in.id().substring(0, 12));
        spec.set("mounts", mounts(in));
        spec.set("linux", linux(in));
        return spec;
    }

    private static ObjectNode process(Input in) {
        ObjectNode process = JSON.createObjectNode();
        process.put("terminal", false);
        ObjectNode user = process.putObject("user");
        user.put("uid", 0);
        user.put("gid", 0);
        strings(process.putArray("args"), in.args().isEmpty() ? List.of("/bin/sh") : in.args());
        List<String> env = new ArrayList<>();
        if (in.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(DEFAULT_PATH);
        }
        env.add("HOSTNAME=" + in.id().substring(0, 12));
        env.addAll(in.env());
        strings(process.putArray("env"), env);
        process.put("cwd", "/");
        ObjectNode caps = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), DEFAULT_CAPABILITIES);
        }
        process.put("noNewPrivileges", true);
        return process;
    }

    private static ArrayNode mounts(Input in) {
        ArrayNode mounts = JSON.createArrayNode();
        mount(mounts, "/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
        mount(mounts, "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k"));
        mount(mounts, "/dev/pts", "devpts", "devpts",
                List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
        mount(mounts, "/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"));
        mount(mounts, "/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev", "relatime"));
        mount(mounts, "/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev"));
        mount(mounts, "/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k"));
        mount(mounts, "/etc/hosts", "bind", in.hostsFile(), List.of("rbind", "rprivate"));
        mount(mounts, "/etc/hostname", "bind", in.hostnameFile(), List.of("rbind", "rprivate"));
        return mounts;
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
        linux.put("cgroupsPath", "/holdfast-" + in.id());
        ObjectNode resources = linux.putObject("resources");
        resources.putArray("devices").addObject().put("allow", false).put("access", "rwm");
        strings(linux.putArray("maskedPaths"), MASKED_PATHS);
        strings(linux.putArray("readonlyPaths"), READONLY_PATHS);
        return linux;
    }

    private static void mount(ArrayNode mounts, String destination, String type, String source, List<String> options) {
        ObjectNode mount = mounts.addObject();
        mount.put("destination", destination);
        mount.put("type", type);
        mount.put("source", source);
        strings(mount.putArray("options"), options);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
