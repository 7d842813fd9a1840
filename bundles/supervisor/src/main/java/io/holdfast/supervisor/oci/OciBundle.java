package io.holdfast.supervisor.oci;

import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.FileModes;
import io.holdfast.spi.container.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a container's OCI bundle: {@code config.json} and the hosts, hostname and resolv.conf files it binds in,
 * each atomically. Written again at every start, so the process always runs as the container's current
 * {@code /etc/passwd} says (Docker resolves {@code User} at start too) and a record restored from disk, options
 * included, is all a restart needs.
 *
 * <pre>{@code OciBundle.write(new OciBundle.Target(dir, id, rootfs, spec, netnsPath, false));}</pre>
 */
public final class OciBundle {
    static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

    /**
     * One container's bundle.
     *
     * @param dir         the bundle directory
     * @param id          the container id
     * @param rootfs      its root file system on the host
     * @param spec        what the user asked for
     * @param netnsPath   the network namespace to join, or {@code null} for a new one
     * @param hostNetwork it shares the host's network namespace
     */
    public record Target(Path dir, String id, Path rootfs, ContainerSpec spec, String netnsPath,
                         boolean hostNetwork) {
    }

    private OciBundle() {
    }

    /**
     * @throws UserResolver.UnknownUserException if the user or group is not in the container's files
     * @throws IllegalStateException if {@code Init} is asked for and the host has no tini
     */
    public static void write(Target t) throws IOException {
        if (t.spec().process().init() && !Files.isExecutable(Path.of(OciMounts.INIT_ON_HOST))) {
            throw new IllegalStateException("Init: " + OciMounts.INIT_ON_HOST
                    + " is missing on this host (Debian: apt-get install tini)");
        }
        ResolvedUser user = UserResolver.resolve(t.rootfs(), t.spec().process().user());
        ContainerFiles files = new ContainerFiles(t.dir().resolve("hosts").toString(),
                t.dir().resolve("hostname").toString(), t.dir().resolve("resolv.conf").toString());
        OciSpec.Input input = new OciSpec.Input(t.id(), t.rootfs().toString(), t.spec(), user, t.netnsPath(),
                t.hostNetwork(), files);
        String hostResolvConf = Files.isReadable(HOST_RESOLV_CONF) ? Files.readString(HOST_RESOLV_CONF) : "";
        text(files.hosts(), ContainerNameFiles.hosts(input.hostname(), t.spec().naming()));
        text(files.hostname(), ContainerNameFiles.hostname(input.hostname()));
        text(files.resolvConf(), ContainerNameFiles.resolvConf(hostResolvConf, t.spec().naming(), t.hostNetwork()));
        AtomicFile.write(t.dir().resolve("config.json"),
                OciSpec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(OciSpec.build(input)));
    }

    /**
     * Where the runtime mounts something in the container, as the bundle's {@code config.json} says; empty for a
     * container that was never started (it has no bundle yet, and its file system no mount points).
     */
    public static java.util.Set<String> mountPoints(Path dir) throws IOException {
        Path config = dir.resolve("config.json");
        java.util.Set<String> destinations = new java.util.TreeSet<>();
        if (!Files.exists(config)) {
            return destinations;
        }
        for (com.fasterxml.jackson.databind.JsonNode mount : OciSpec.JSON.readTree(config.toFile()).path("mounts")) {
            String destination = mount.path("destination").asText("");
            if (destination.startsWith("/")) {
                destinations.add(Path.of(destination).normalize().toString());
            }
        }
        return destinations;
    }

    private static void text(String path, String content) throws IOException {
        // bound into the container, whose non-root processes read them; config.json stays 0600 (it holds the env)
        AtomicFile.write(Path.of(path), content.getBytes(StandardCharsets.UTF_8), FileModes.READABLE_FILE);
    }
}
