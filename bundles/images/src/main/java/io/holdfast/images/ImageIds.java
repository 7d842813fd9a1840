package io.holdfast.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.holdfast.spi.image.ImageConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Image ids: {@code sha256:} and 64 hex digits, shown shortened to 12 like Docker does. */
final class ImageIds {
    static final String PREFIX = "sha256:";

    private static final Pattern FULL = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern HEX_PREFIX = Pattern.compile("(?:sha256:)?[0-9a-f]{1,64}");

    /**
     * Fields in declaration order and maps sorted: the same config always hashes the same. Absent fields (a config
     * without a health check) are left out, so a config hashes as it did before the field existed.
     */
    private static final ObjectMapper CONFIG_JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private ImageIds() {
    }

    static String of(String hex) {
        return PREFIX + hex;
    }

    /**
     * The id of an image with {@code config} over the tarball whose id is {@code tarballId}: the tarball's id when
     * there is no config (as before images had configs), else the SHA-256 of both, so the same files with another
     * config are another image, as in Docker.
     */
    static String withConfig(String tarballId, ImageConfig config) {
        if (config.isEmpty()) {
            return tarballId;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(tarballId.getBytes(StandardCharsets.UTF_8));
            sha256.update(CONFIG_JSON.writeValueAsBytes(config));
            return of(HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute an image id: " + e.getMessage(), e);
        }
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
