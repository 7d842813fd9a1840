package io.holdfast.network.bridge;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Network ids: 64 random hex digits, as Docker's. */
final class NetworkIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private NetworkIds() {
    }

    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
