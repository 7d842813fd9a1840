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
import java.util.List;
import java.util.logging.Logger;

/**
 * Name resolution on user-defined networks without a DNS server: each container's {@code /etc/hosts} (the file
 * {@code <bundle>/hosts}, bind-mounted by the runtime) lists every container of its network that holds an address
 * there, by name, network aliases and short id. The engine rewrites the files when a container joins (create,
 * start), leaves (remove) or is renamed; in between they are plain files, so containers keep resolving each other
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
     * Rewrites the hosts file of every container on {@code record}'s network, if that is a user network. The
     * records are read under the same lock as the files are written, so two refreshes racing cannot leave the
     * older view in a file.
     */
    void refreshNetworkOf(ContainerRecord record) {
        if (networkId(record) == null) {
            return;
        }
        synchronized (WRITING) {
            List<ContainerRecord> all = table.all();
            for (ContainerRecord member : all) {
                if (record.spec().networkMode().equals(member.spec().networkMode()) && networkId(member) != null) {
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
                if (networkId(member) != null) {
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

    /** The container's own hosts text followed by a line per container of its network, itself included. */
    static String text(ContainerRecord self, List<ContainerRecord> all) {
        String hostname = self.spec().naming().hostname().isEmpty() ? self.shortId() : self.spec().naming().hostname();
        StringBuilder text = new StringBuilder(ContainerNameFiles.hosts(hostname, self.spec().naming()));
        text.append("# containers on network ").append(self.spec().networkMode()).append(" (kept by Holdfast)\n");
        for (ContainerRecord member : all) {
            String address = member.network() == null ? null : member.network().settings().get("IPAddress");
            if (!self.spec().networkMode().equals(member.spec().networkMode()) || networkId(member) == null
                    || address == null || address.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            if (member.id().equals(self.id())) {
                names.add(hostname);
            }
            names.add(member.name());
            names.addAll(member.spec().naming().networkAliases());
            names.add(member.shortId());
            text.append(address).append('\t').append(String.join(" ", names.stream().distinct().toList()))
                    .append('\n');
        }
        return text.toString();
    }

    private static String networkId(ContainerRecord record) {
        return record.network() == null ? null : record.network().settings().get("NetworkID");
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
