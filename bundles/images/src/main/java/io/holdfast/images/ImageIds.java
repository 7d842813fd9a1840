package io.holdfast.images;

import java.util.regex.Pattern;

/** Image ids: {@code sha256:} and 64 hex digits, shown shortened to 12 like Docker does. */
final class ImageIds {
    static final String PREFIX = "sha256:";

    private static final Pattern FULL = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern HEX_PREFIX = Pattern.compile("(?:sha256:)?[0-9a-f]{1,64}");

    private ImageIds() {
    }

    static String of(String hex) {
        return PREFIX + hex;
    }

    static boolean isFull(String s) {
        return FULL.matcher(s).matches();
    }

    /** Whether {@code s} could be (a prefix of) an id: hex digits, optionally after {@code sha256:}. */
    static boolean isPrefix(String s) {
        return HEX_PREFIX.matcher(s).matches();
    }

    /** The hex part of an id or id prefix. */
    static String hex(String id) {
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }

    /** The 12 hex digits Docker shows. */
    static String shortId(String id) {
        String hex = hex(id);
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
