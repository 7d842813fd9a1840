package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.supervisor.oci.ContainerNameFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Name resolution on user-defined networks without a DNS server: each container's {@code /etc/hosts} (the file
 * {@code <bundle>/hosts}, bind-mounted by the runtime) lists every container of its network that holds an address
 * there, by name, network aliases and short id, for each user network it is on (the one it was created on and those
 * it was connected to). The engine rewrites the files when a container joins (create, start, connect), leaves
 * (remove, disconnect) or is renamed; in between they are plain files, so containers keep resolving each other
 * while the engine is down.
 *
 * <p>Written in place, not by rename: the runtime bound the file's inode into the container, and a renamed-in file
 * would never be seen. The new text is written over the old from offset 0 and the file then cut to its length, all
 * under one lock in the engine; a reader in the container can, for that instant, see a mix of old and new lines,
 * never a missing file. Containers not on a user network (no {@code NetworkID}) are left alone. Blocks on disk I/O.
 */
final class PeerHosts {
    private static final Logger LOG = Logger.getLogger(PeerHosts.class.getName());
    private static final Object WRITING = new Object();

    private final ContainerTable table;

    PeerHosts(ContainerTable table) {
        this.table = table;
    }

    /**
     * Rewrites the hosts file of every container that shares a user network with {@code record} (its first network
     * and those it is connected to, as the record lists them), itself included. The records are read under the same
     * lock as the files are written, so two refreshes racing cannot leave the older view in a file.
     */
    void refreshNetworkOf(ContainerRecord record) {
        java.util.Set<String> networks = userNetworks(record).keySet();
        if (networks.isEmpty()) {
            return;
        }
        synchronized (WRITING) {
            List<ContainerRecord> all = table.all();
            for (ContainerRecord member : all) {
                if (member.id().equals(record.id())
                        || userNetworks(member).keySet().stream().anyMatch(networks::contains)) {
                    write(member, all);
                }
            }
        }
    }

    /**
     * Rewrites every user-network container's hosts file: after a restore, so a container created or removed just
     * before the engine was killed, before its network's files were rewritten, is listed (or not) as it should be.
     */
    void refreshAll() {
        synchronized (WRITING) {
            List<ContainerRecord> all = table.all();
            for (ContainerRecord member : all) {
                if (!userNetworks(member).isEmpty()) {
                    write(member, all);
                }
            }
        }
    }

    private static void write(ContainerRecord member, List<ContainerRecord> all) {
        Path hosts = Path.of(member.bundleDir()).resolve("hosts");
        if (!Files.exists(hosts)) { // one never started gets its file at its start
            return;
        }
        try {
            writeInPlace(hosts, text(member, all));
        } catch (IOException e) {
            LOG.warning(() -> "cannot update " + hosts + " of container " + member.name() + ": " + e.getMessage());
        }
    }

    /**
     * The container's own hosts text followed by a line per container and user network it shares with it (itself
     * included): the member's address there, its name, its aliases on that network and its short id. A container on
     * two networks with {@code self} is listed twice; the first line wins a lookup, as in any hosts file.
     */
    static String text(ContainerRecord self, List<ContainerRecord> all) {
        String hostname = self.spec().naming().hostname().isEmpty() ? self.shortId() : self.spec().naming().hostname();
        StringBuilder text = new StringBuilder(ContainerNameFiles.hosts(hostname, self.spec().naming()));
        Map<String, Endpoint> own = userNetworks(self);
        if (own.isEmpty()) {
            return text.toString();
        }
        text.append("# containers on network ").append(String.join(", ", own.keySet()))
                .append(" (kept by Holdfast)\n");
        for (String network : own.keySet()) {
            for (ContainerRecord member : all) {
                Endpoint endpoint = userNetworks(member).get(network);
                if (endpoint == null || endpoint.address() == null || endpoint.address().isEmpty()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                if (member.id().equals(self.id())) {
                    names.add(hostname);
                }
                names.add(member.name());
                names.addAll(endpoint.aliases());
                names.add(member.shortId());
                text.append(endpoint.address()).append('\t')
                        .append(String.join(" ", names.stream().distinct().toList())).append('\n');
            }
        }
        return text.toString();
    }

    /** A container's address and aliases on one user network. */
    private record Endpoint(String address, List<String> aliases) {
    }

    /**
     * The user networks (those whose bridge reports a {@code NetworkID}) the container is on, by name: its first one,
     * then those it was connected to.
     */
    private static Map<String, Endpoint> userNetworks(ContainerRecord record) {
        Map<String, Endpoint> networks = new LinkedHashMap<>();
        if (record.network() != null && record.network().settings().get("NetworkID") != null) {
            networks.put(record.spec().networkMode(), new Endpoint(record.network().settings().get("IPAddress"),
                    record.spec().naming().networkAliases()));
        }
        record.connected().forEach((name, connection) -> {
            Map<String, String> settings = connection.attachment() == null ? Map.of()
                    : connection.attachment().settings();
            if (settings.get("NetworkID") != null) {
                networks.putIfAbsent(name, new Endpoint(settings.get("IPAddress"), connection.aliases()));
            }
        });
        return networks;
    }

    private static void writeInPlace(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(bytes, Files.readAllBytes(file))) {
            return; // unchanged: a restore rewrites nothing
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.truncate(bytes.length);
            channel.force(true);
        }
    }
}
