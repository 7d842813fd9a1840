package io.holdfast.images.content;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content digests: {@code sha256:} and 64 lowercase hex digits, the only algorithm stored. */
public final class Digests {
    public static final String SHA256 = "sha256:";
    private static final Pattern VALID = Pattern.compile("sha256:[0-9a-f]{64}");

    private Digests() {
    }

    /** {@code digest} itself when valid; else {@code INVALID} naming it and what was expected. */
    public static String check(String digest, String what) {
        if (digest == null || !VALID.matcher(digest).matches()) {
            throw new EngineException(Kind.INVALID, "invalid " + what + " digest \"" + digest
                    + "\": expected sha256: and 64 lowercase hex digits");
        }
        return digest;
    }

    public static String hex(String digest) {
        return digest.substring(SHA256.length());
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String of(MessageDigest finished) {
        return SHA256 + HexFormat.of().formatHex(finished.digest());
    }

    public static String of(byte[] content) {
        MessageDigest sha256 = newSha256();
        sha256.update(content);
        return of(sha256);
    }

    /**
     * The chain id of a layer on top of {@code parentChain} (null for a base layer), as Docker's layer store
     * computes it: a base layer's is its diff id, any other's {@code sha256(parentChain + " " + diffId)}. A layer's
     * unpacked directory depends on what is below it (opaque directories become whiteouts of the names below), so
     * layers are unpacked once per chain id; a base shared by two images is one directory.
     */
    public static String chainId(String parentChain, String diffId) {
        return parentChain == null ? diffId : of((parentChain + " " + diffId).getBytes(StandardCharsets.UTF_8));
    }
}
