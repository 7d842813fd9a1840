package io.holdfast.images.content;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow half of registering an image, run outside the image store's lock: checks that the manifest's blobs are
 * stored, stores the manifest, and unpacks each layer not unpacked yet, lowest first.
 */
public final class ImageAssembler {

    /**
     * An image ready to be committed.
     *
     * @param id             the config's digest
     * @param manifestDigest the stored manifest's digest
     * @param chainIds       its layers, lowest first
     * @param size           bytes of its layers' regular files
     * @param created        from its config, or now
     * @param defaults       its containers' defaults
     */
    public record Assembled(String id, String manifestDigest, List<String> chainIds, long size, Instant created,
                            ImageConfig defaults) {
    }

    private final BlobStore blobs;
    private final LayerStore layers;

    public ImageAssembler(BlobStore blobs, LayerStore layers) {
        this.blobs = blobs;
        this.layers = layers;
    }

    public Assembled assemble(byte[] manifestBytes) {
        ImageDocuments.Manifest manifest = ImageDocuments.manifest(manifestBytes);
        String configDigest = manifest.config().digest();
        requireBlob(configDigest, "config");
        for (ImageDocuments.Descriptor layer : manifest.layers()) {
            requireBlob(layer.digest(), "layer");
        }
        ImageDocuments.Config config = ImageDocuments.config(blobs.read(configDigest));
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new EngineException(Kind.INVALID, "image " + configDigest + ": its manifest has "
                    + manifest.layers().size() + " layer(s) but its config's rootfs.diff_ids has "
                    + config.diffIds().size());
        }
        String manifestDigest = blobs.put(new java.io.ByteArrayInputStream(manifestBytes), null);
        List<String> chainIds = new ArrayList<>();
        List<Path> lowers = new ArrayList<>();
        String parent = null;
        long size = 0;
        for (int i = 0; i < manifest.layers().size(); i++) {
            LayerStore.LayerInfo info = layers.unpack(blobs, manifest.layers().get(i).digest(),
                    config.diffIds().get(i), parent, lowers);
            parent = info.chainId();
            chainIds.add(parent);
            lowers.add(layers.diff(parent));
            size += info.size();
        }
        return new Assembled(configDigest, manifestDigest, chainIds, size,
                config.created() == null ? Instant.now() : config.created(), config.defaults());
    }

    private void requireBlob(String digest, String what) {
        if (!blobs.has(digest)) {
            throw new EngineException(Kind.NOT_FOUND, "the image's " + what + " blob " + digest + " is not stored");
        }
    }
}
