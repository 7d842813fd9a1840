package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.PortBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a process holds a socket bound to an address and port, read from {@code /proc/net/tcp} or
 * {@code /proc/net/udp} and the process's descriptors: how a start learns that its forwarder listens, without
 * touching the port (a test bind would race the forwarder's own bind) and without mistaking another process's
 * socket on the same port for it.
 */
final class BoundSockets {
    private static final String TCP_LISTEN = "0A";

    private BoundSockets() {
    }

    static boolean boundBy(long pid, PortBinding binding) {
        Set<String> inodes = socketInodes(binding);
        if (inodes.isEmpty()) {
            return false;
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** The inodes of the sockets bound to {@code binding}'s address and port (listening, for TCP). */
    static Set<String> socketInodes(PortBinding binding) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/net", binding.protocol()));
        } catch (IOException e) {
            return Set.of();
        }
        return inodesIn(lines, binding);
    }

    static Set<String> inodesIn(List<String> table, PortBinding binding) {
        String wanted = hexAddress(binding.bindAddress()) + ":"
                + String.format(Locale.ROOT, "%04X", binding.hostPort());
        Set<String> inodes = new HashSet<>();
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 9 && fields[1].equalsIgnoreCase(wanted)
                    && (binding.protocol().equals(PortBinding.UDP) || fields[3].equalsIgnoreCase(TCP_LISTEN))) {
                inodes.add(fields[9]);
            }
        }
        return inodes;
    }

    /** {@code 127.0.0.1} as the kernel prints it: the address's bytes in host (little-endian) order, in hex. */
    static String hexAddress(String ipv4) {
        String[] octets = ipv4.split("\\.");
        StringBuilder hex = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            hex.append(String.format(Locale.ROOT, "%02X", Integer.parseInt(octets[i])));
        }
        return hex.toString();
    }
}
