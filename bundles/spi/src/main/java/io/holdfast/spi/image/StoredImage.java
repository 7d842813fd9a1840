package io.holdfast.spi.image;

import java.util.List;

/**
 * An image as the content store holds it: what a push sends and a save writes.
 *
 * <pre>{@code
 * StoredImage s = content.image("busybox");
 * try (InputStream layer = content.openBlob(s.layers().get(0).digest())) { ... }
 * }</pre>
 *
 * @param id             the image id, {@code sha256:} of its config
 * @param manifest       the manifest's bytes, exactly as stored (Docker schema 2 or OCI)
 * @param manifestDigest {@code sha256:} of {@link #manifest}
 * @param mediaType      the manifest's media type
 * @param config         the config's bytes
 * @param configDigest   the config blob's digest (equal to {@link #id})
 * @param layers         the layer blobs, lowest first
 */
public record StoredImage(String id, byte[] manifest, String manifestDigest, String mediaType, byte[] config,
                          String configDigest, List<LayerBlob> layers) {
    public StoredImage {
        layers = List.copyOf(layers);
    }

    /**
     * One layer blob of an image.
     *
     * @param digest    the blob's digest (of its bytes as stored, compressed or not)
     * @param mediaType as the manifest says, e.g. {@code application/vnd.docker.image.rootfs.diff.tar.gzip}
     * @param size      the blob's size in bytes
     * @param diffId    the digest of its uncompressed tar, as the config's {@code rootfs.diff_ids} says
     */
    public record LayerBlob(String digest, String mediaType, long size, String diffId) {
    }
}
