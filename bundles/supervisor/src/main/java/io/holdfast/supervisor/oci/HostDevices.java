package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.DeviceMapping;
import io.holdfast.spi.container.HostAccess;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The host devices a container gets, as OCI {@code linux.devices} (the nodes the runtime makes in the container's
 * {@code /dev}) and {@code linux.resources.devices} (what its device cgroup allows). Each node's type and numbers
 * are read from the host at every start, as Docker does, so a device that moved to other numbers after a reboot is
 * still the right one. A privileged container gets every device under the host's {@code /dev} (except the
 * directories Docker leaves out too) and a cgroup that allows all.
 */
final class HostDevices {
    private static final Path HOST_DEV = Path.of("/dev");
    /** moby's {@code devices.HostDevices}: pseudo-terminals, shared memory and the like are the container's own. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("pts", "shm", "fd", "mqueue", ".lxc",
            ".lxd-mounts", ".udev");
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private HostDevices() {
    }

    /** Adds the devices of {@code access} to {@code linux}; throws with the device named when one is not there. */
    static void add(ObjectNode linux, ArrayNode cgroupRules, HostAccess access) {
        ArrayNode nodes = linux.putArray("devices");
        try {
            if (access.privileged()) {
                cgroupRules.addObject().put("allow", true).put("access", "rwm");
                addBelow(HOST_DEV, HOST_DEV, nodes, null, "rwm", true);
                return;
            }
            for (DeviceMapping device : access.devices()) {
                Path host = Path.of(device.pathOnHost());
                if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("device " + device.pathOnHost() + ": no such file on the host");
                }
                if (Files.isDirectory(host)) {
                    addBelow(host, Path.of(device.pathInContainer()), nodes, cgroupRules, device.permissions(),
                            false);
                } else if (!addNode(host, device.pathInContainer(), nodes, cgroupRules, device.permissions())) {
                    throw new IllegalArgumentException("device " + device.pathOnHost()
                            + ": not a character or block device");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read host devices: " + e.getMessage(), e);
        }
    }

    private static void addBelow(Path hostDir, Path containerDir, ArrayNode nodes, ArrayNode cgroupRules,
                                 String permissions, boolean skipDockersSkips) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(hostDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Path inContainer = containerDir.resolve(name);
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!(skipDockersSkips && SKIPPED_DIRECTORIES.contains(name))) {
                        addBelow(entry, inContainer, nodes, cgroupRules, permissions, skipDockersSkips);
                    }
                } else {
                    addNode(entry, inContainer.toString(), nodes, cgroupRules, permissions);
                }
            }
        } catch (NoSuchFileException gone) {
            // a device that went away while listing: not there to give
        }
    }

    /** Adds one node; false when {@code host} is not a device (a symlink, a socket, a file). */
    private static boolean addNode(Path host, String inContainer, ArrayNode nodes, ArrayNode cgroupRules,
                                   String permissions) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(host, "unix:mode,rdev,uid,gid",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attributes.get("mode");
        String type = (mode & S_IFMT) == S_IFCHR ? "c" : (mode & S_IFMT) == S_IFBLK ? "b" : null;
        if (type == null) {
            return false;
        }
        long rdev = (Long) attributes.get("rdev");
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        nodes.addObject().put("path", inContainer).put("type", type).put("major", major).put("minor", minor)
                .put("fileMode", mode & 07777).put("uid", (Integer) attributes.get("uid"))
                .put("gid", (Integer) attributes.get("gid"));
        if (cgroupRules != null) {
            cgroupRules.addObject().put("allow", true).put("type", type).put("major", major).put("minor", minor)
                    .put("access", permissions);
        }
        return true;
    }
}
