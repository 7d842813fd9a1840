package io.holdfast.registry;

/**
 * A content descriptor from a manifest or an index: what a blob or manifest is, its digest and its size.
 *
 * @param mediaType    the media type
 * @param digest       {@code sha256:<hex>}
 * @param size         bytes
 * @param os           index entries only: the platform's os; empty otherwise
 * @param architecture index entries only
 * @param variant      index entries only, may be empty
 */
public record Descriptor(String mediaType, String digest, long size, String os, String architecture,
                         String variant) {

    public Descriptor(String mediaType, String digest, long size) {
        this(mediaType, digest, size, "", "", "");
    }

    /** {@code os/arch[/variant]} for messages. */
    public String platform() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }

    /** The 12 hex digits Docker's progress lines name a layer by. */
    public String shortId() {
        int colon = digest.indexOf(':');
        String hex = digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
