package io.holdfast.supervisor.oci;

import io.holdfast.spi.container.SecurityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The capabilities a privileged container gets: every one the engine itself may hand on (its bounding set), as
 * Docker gives every capability the kernel knows. Asking the runtime for one outside the bounding set fails the
 * start ({@code unable to apply caps: operation not permitted}), which happens where the engine itself runs with a
 * reduced set, e.g. nested in another container.
 */
final class HostCapabilities {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** The engine's bounding set does not change while it runs: read once, not at every container start. */
    private static final List<String> ALL = fromBoundingSet(boundingSet());

    private HostCapabilities() {
    }

    static List<String> all() {
        return ALL;
    }

    private static List<String> fromBoundingSet(long bounding) {
        List<String> granted = new ArrayList<>();
        List<String> known = SecurityOptions.KNOWN_CAPABILITIES; // in kernel number order: index = bit
        for (int bit = 0; bit < known.size(); bit++) {
            if ((bounding & (1L << bit)) != 0) {
                granted.add(known.get(bit));
            }
        }
        return List.copyOf(granted);
    }

    private static long boundingSet() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("CapBnd:")) {
                    return Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: without the bounding set, hand on every known capability and let the runtime say
        }
        return -1L;
    }
}
