package io.holdfast.common.docker;

import java.io.ByteArrayOutputStream;

/**
 * Docker's detach key sequences ({@code ctrl-p,ctrl-q}): each comma-separated key is one character or
 * {@code ctrl-X} for X in {@code @ a-z [ \ ] ^ _}, or {@code DEL} (moby's {@code term.ToBytes}).
 *
 * <pre>{@code byte[] keys = DetachKeys.parse("ctrl-p,ctrl-q");   // {16, 17}}</pre>
 */
public final class DetachKeys {
    private static final String CONTROL = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

    private DetachKeys() {
    }

    /** The bytes of {@code keys}; empty for the empty string. Throws IllegalArgumentException as Docker words it. */
    public static byte[] parse(String keys) {
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        if (keys == null || keys.isEmpty()) {
            return codes.toByteArray();
        }
        for (String key : keys.split(",", -1)) {
            if (key.length() == 1) {
                codes.write(key.charAt(0));
            } else if (key.equals("DEL")) {
                codes.write(127);
            } else if (key.startsWith("ctrl-") && key.length() == 6 && CONTROL.indexOf(key.charAt(5)) >= 0) {
                codes.write(CONTROL.indexOf(key.charAt(5)));
            } else {
                throw new IllegalArgumentException("Invalid escape keys (" + keys + ") provided");
            }
        }
        return codes.toByteArray();
    }
}
