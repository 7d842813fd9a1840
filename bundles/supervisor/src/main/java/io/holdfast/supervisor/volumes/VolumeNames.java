package io.holdfast.supervisor.volumes;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Docker's volume names: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}; an anonymous one gets 64 random hex characters. */
final class VolumeNames {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VolumeNames() {
    }

    static String check(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new EngineException(Kind.INVALID, "create " + name + ": \"" + name + "\" includes invalid"
                    + " characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you"
                    + " intended to pass a host directory, use absolute path");
        }
        return name;
    }

    static String anonymous() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
