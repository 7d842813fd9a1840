package io.holdfast.spi.image;

import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The content store under the image store, registered by the images bundle next to {@link Images}: blobs kept once
 * by digest ({@code sha256:<hex>}), layers unpacked once each, and images made of a config blob and an ordered list
 * of layer blobs. A registry client writes what it pulls here and reads what it pushes from here.
 *
 * <pre>{@code
 * content.putBlob(in, "sha256:ab12...");                       // verified while written; a mismatch leaves nothing
 * ImageRecord image = content.registerImage(manifestJson, List.of("alpine:3.19"));
 * StoredImage stored = content.image("alpine:3.19");          // manifest, config and layer blobs, to push
 * }</pre>
 *
 * <p>Errors are {@link io.holdfast.spi.container.EngineException}s. Every method may block on disk I/O; blob and
 * layer writes run outside the store's lock, so a slow download never holds up lookups.
 */
@ProviderType
public interface ImageContent {

    /** Whether the blob is stored completely (a partial download never counts). Never blocks on other writers. */
    boolean hasBlob(String digest);

    /**
     * Stores {@code in} (read to its end, not closed) as a blob: written to a temporary file while hashed, synced, and
     * renamed into place only when its SHA-256 is {@code expectedDigest}. A mismatch fails with {@code INVALID} naming
     * both digests and leaves nothing behind. Storing a blob that exists already reads the stream and succeeds.
     *
     * @param expectedDigest {@code sha256:<64 hex>}; {@code null} stores it under whatever digest it has
     * @return the blob's digest
     */
    String putBlob(InputStream in, String expectedDigest);

    /** The blob's bytes; the caller closes the stream. {@code NOT_FOUND} when it is not stored. */
    InputStream openBlob(String digest);

    /** The blob's size in bytes; {@code NOT_FOUND} when it is not stored. */
    long blobSize(String digest);

    /**
     * Makes an image from a Docker schema 2 or OCI image manifest whose config and layer blobs are all stored
     * already ({@code NOT_FOUND} naming the first that is not): stores the manifest as a blob, unpacks each layer
     * that is not unpacked yet (checking its uncompressed digest against the config's {@code rootfs.diff_ids}),
     * and points each of {@code tags} ({@code name[:tag]}) at it. The image id is the config's digest, as Docker's.
     * Blocks while unpacking layers.
     *
     * @param repoDigest {@code name@sha256:...} the image was pulled by, recorded for {@code RepoDigests}; may be null
     */
    ImageRecord registerImage(byte[] manifest, List<String> tags, String repoDigest);

    /**
     * An image's manifest, config and layers as stored, to push or save it. Images imported from a flat tarball
     * ({@code docker import}) get a one-layer manifest made on first use. {@code NOT_FOUND} for an unknown image.
     */
    StoredImage image(String reference);

    /**
     * {@code docker load}: registers every image of an archive in Docker's {@code docker save} format or an OCI
     * image layout as a tar (gzip or plain), verifying every blob; a bad archive fails with {@code INVALID} naming
     * the file and adds no image. Blocks while reading and unpacking.
     *
     * @return Docker's lines: {@code Loaded image: name:tag}, or {@code Loaded image ID: sha256:...} when untagged
     */
    java.util.List<String> load(InputStream archive);

    /**
     * {@link #load(InputStream)}, telling {@code progress} how far each layer is while it enters the store, as
     * Docker's {@code docker load} does: {@code Loading layer} with the layer's short diff id, bytes so far and in all.
     */
    default java.util.List<String> load(InputStream archive,
                                        java.util.function.Consumer<io.holdfast.spi.registry.ProgressLine> progress) {
        return load(archive);
    }

    /**
     * {@code docker save}: writes the images {@code references} name as one tar in Docker's format that is also an
     * OCI image layout. A reference naming a tag saves that tag, one naming an id every tag of the image. Unknown
     * references fail with {@code NOT_FOUND} before anything is written. Blocks on reading blobs and writing.
     */
    void save(java.util.List<String> references, java.io.OutputStream out);
}
