package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.PortBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether a socket is bound to an address and port, read from {@code /proc/net/tcp} and {@code /proc/net/udp}:
 * how a start learns that a forwarder is listening without touching the port itself (a test bind would race the
 * forwarder's own bind).
 */
final class BoundSockets {
    private static final String TCP_LISTEN = "0A";

    private BoundSockets() {
    }

    static boolean bound(PortBinding binding) {
        Path table = Path.of("/proc/net", binding.protocol());
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return false;
        }
        String wanted = hexAddress(binding.bindAddress()) + ":" + String.format(Locale.ROOT, "%04X", binding.hostPort());
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 3 && fields[1].equalsIgnoreCase(wanted)
                    && (binding.protocol().equals(PortBinding.UDP) || fields[3].equalsIgnoreCase(TCP_LISTEN))) {
                return true;
            }
        }
        return false;
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
