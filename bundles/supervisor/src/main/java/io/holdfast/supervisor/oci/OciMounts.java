package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.MountSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mounts of a container's OCI spec: Docker's defaults ({@code /proc}, {@code /dev}, {@code /sys}, ...), the
 * container's own hosts, hostname and resolv.conf, the init binary when asked for, then the user's bind and tmpfs
 * mounts, parents before children. A user mount on a default's destination (say a tmpfs on {@code /dev/shm})
 * replaces that default, as in Docker.
 */
final class OciMounts {
    /** Debian's statically linked tini, Docker's {@code docker-init}. */
    static final String INIT_ON_HOST = "/usr/bin/tini-static";
    /** Where Docker puts its init in the container. */
    static final String INIT_IN_CONTAINER = "/sbin/docker-init";
    /** Docker's options for every tmpfs; the user's own come after and win ({@code exec} beats {@code noexec}). */
    static final List<String> TMPFS_DEFAULTS = List.of("noexec", "nosuid", "nodev");
    private static final Map<String, String> OPPOSITES = Map.of("exec", "noexec", "noexec", "exec", "suid", "nosuid",
            "nosuid", "suid", "dev", "nodev", "nodev", "dev", "ro", "rw", "rw", "ro");
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");

    private OciMounts() {
    }

    static ArrayNode of(OciSpec.Input in) {
        List<MountSpec> users = new ArrayList<>(in.spec().mounts());
        users.sort(Comparator.comparingInt(m -> depth(m.target()))); // moby's mounts sorter: parents first
        Set<String> taken = new LinkedHashSet<>();
        users.forEach(m -> taken.add(m.target()));
        ArrayNode mounts = OciSpec.JSON.createArrayNode();
        Defaults defaults = new Defaults(mounts, taken);
        defaults.add("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
        defaults.add("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k"));
        defaults.add("/dev/pts", "devpts", "devpts",
                List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
        String sysAccess = in.spec().hostAccess().privileged() ? "rw" : "ro"; // as Docker's --privileged
        defaults.add("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", sysAccess));
        defaults.add("/sys/fs/cgroup", "cgroup", "cgroup", List.of(sysAccess, "nosuid", "noexec", "nodev",
                "relatime"));
        defaults.add("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev"));
        defaults.add("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k"));
        defaults.add("/etc/hosts", "bind", in.files().hosts(), List.of("rbind", "rprivate"));
        defaults.add("/etc/hostname", "bind", in.files().hostname(), List.of("rbind", "rprivate"));
        defaults.add("/etc/resolv.conf", "bind", in.files().resolvConf(), List.of("rbind", "rprivate"));
        if (in.spec().process().init()) {
            defaults.add(INIT_IN_CONTAINER, "bind", INIT_ON_HOST, List.of("rbind", "ro", "rprivate"));
        }
        for (MountSpec mount : users) {
            if (mount.type() == MountSpec.Type.BIND || mount.type() == MountSpec.Type.VOLUME) {
                // a volume is bound in from where its driver keeps (and has mounted) it
                add(mounts, mount.target(), "bind", mount.source(), bindOptions(mount));
            } else {
                add(mounts, mount.target(), "tmpfs", "tmpfs", tmpfsOptions(mount));
            }
        }
        return mounts;
    }

    /** {@code rbind}, read-only if asked, and a propagation ({@code rprivate} unless the user chose one). */
    static List<String> bindOptions(MountSpec mount) {
        List<String> options = new ArrayList<>(List.of("rbind"));
        if (mount.readOnly()) {
            options.add("ro");
        }
        mount.options().stream().filter(o -> !o.equals(MountSpec.NO_COPY)).forEach(options::add); // not the kernel's
        if (mount.options().stream().noneMatch(PROPAGATIONS::contains)) {
            options.add("rprivate");
        }
        return options;
    }

    /** Docker's tmpfs defaults merged with the user's options, a later option replacing its opposite. */
    static List<String> tmpfsOptions(MountSpec mount) {
        List<String> merged = new ArrayList<>();
        List<String> all = new ArrayList<>(TMPFS_DEFAULTS);
        all.addAll(mount.options());
        if (mount.readOnly()) {
            all.add("ro");
        }
        for (String option : all) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
            merged.removeIf(o -> o.equals(OPPOSITES.get(option)) || (key.endsWith("=") && o.startsWith(key))
                    || o.equals(option));
            merged.add(option);
        }
        return merged;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static void add(ArrayNode mounts, String destination, String type, String source, List<String> options) {
        ObjectNode mount = mounts.addObject();
        mount.put("destination", destination);
        mount.put("type", type);
        mount.put("source", source);
        OciSpec.strings(mount.putArray("options"), options);
    }

    /** Adds a default mount unless the user mounts something there. */
    private record Defaults(ArrayNode mounts, Set<String> taken) {
        void add(String destination, String type, String source, List<String> options) {
            if (!taken.contains(destination)) {
                OciMounts.add(mounts, destination, type, source, options);
            }
        }
    }
}
