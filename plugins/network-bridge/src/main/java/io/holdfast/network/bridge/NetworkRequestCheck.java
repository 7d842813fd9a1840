package io.holdfast.network.bridge;

import io.holdfast.spi.network.NetworkRequest;
import java.util.Set;

/** Docker's rules for a new network's name, driver and options; each failure names what is wrong. */
final class NetworkRequestCheck {
    /** Networks every engine has; a user network cannot take their names. */
    static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "default");
    private static final Set<String> OPTIONS = Set.of(UserNetworkRegistry.BRIDGE_NAME_OPTION);

    private NetworkRequestCheck() {
    }

    static void check(NetworkRequest request) {
        String name = request.name();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("network name is required");
        }
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*") || name.length() > 128) {
            throw new IllegalArgumentException("invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-]"
                    + " are allowed, at most 128 characters");
        }
        if (PREDEFINED.contains(name)) {
            throw new IllegalStateException(name + " is a pre-defined network and cannot be created");
        }
        if (!request.driver().equals("bridge")) {
            throw new IllegalArgumentException("network driver \"" + request.driver()
                    + "\" is not supported; the only driver is bridge");
        }
        for (String option : request.options().keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("network option \"" + option + "\" is not supported; supported: "
                        + String.join(", ", OPTIONS));
            }
        }
    }
}
