package io.holdfast.reload;

import java.util.Set;

/** The bundles a reload never swaps, and the shim, which only a shim jar of its own may restart. */
final class ResidentBundles {
    /**
     * Never swapped by a reload. The SPI: every bundle is wired to it; the reload bundle itself; the API sockets,
     * which stay open through every reload; the config bundle: while it is swapped there would be no configuration
     * service at all, which every component needs, and its next revision would apply the keys that need a restart.
     */
    static final Set<String> NAMES = Set.of("io.holdfast.spi", "io.holdfast.reload", "io.holdfast.api",
            "io.holdfast.config");
    /** Holds the containers' monitors: updated by a shim jar of its own, never restarted as a side effect. */
    static final String SHIM = "io.holdfast.shim";

    private ResidentBundles() {
    }

    static boolean isResident(String symbolicName) {
        return NAMES.contains(symbolicName);
    }
}
