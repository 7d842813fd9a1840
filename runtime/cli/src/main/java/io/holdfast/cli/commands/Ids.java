package io.holdfast.cli.commands;

/** The 12-hex-character ids Docker shows in tables. */
final class Ids {

    private static final String DIGEST_PREFIX = "sha256:";
    private static final int SHORT_LENGTH = 12;

    private Ids() {}

    static boolean isDigest(String id) {
        return id.startsWith(DIGEST_PREFIX);
    }

    static String shortId(String id) {
        String hex = isDigest(id) ? id.substring(DIGEST_PREFIX.length()) : id;
        return hex.length() > SHORT_LENGTH ? hex.substring(0, SHORT_LENGTH) : hex;
    }
}
