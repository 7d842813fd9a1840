package io.holdfast.images;

import io.holdfast.spi.image.ImageConfig;
import java.time.Instant;
import java.util.List;

/**
 * What {@code <hex>/image.json} records about one image; its tags live in {@code repositories.json} instead so that
 * tagging never rewrites an image. Files written before images had a config have none: they read as
 * {@link ImageConfig#NONE}. A flat (imported) image has its files in {@code <hex>/rootfs} and no manifest or layers;
 * a layered one has no {@code rootfs} but a manifest blob and layers in the content store.
 *
 * @param id             {@code sha256:<hex>}
 * @param created        when it was first imported, or its config's {@code created}
 * @param size           bytes of its regular files
 * @param config         the defaults its containers take
 * @param manifestDigest its manifest blob; null for a flat image
 * @param layers         its layers' chain ids, lowest first; empty for a flat image
 * @param repoDigests    {@code name@sha256:...} it was pulled by
 */
record ImageMetadata(String id, Instant created, long size, ImageConfig config, String manifestDigest,
                     List<String> layers, List<String> repoDigests) {
    ImageMetadata {
        config = config == null ? ImageConfig.NONE : config;
        layers = layers == null ? List.of() : List.copyOf(layers);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
    }

    /** A flat image. */
    ImageMetadata(String id, Instant created, long size, ImageConfig config) {
        this(id, created, size, config, null, null, null);
    }

    boolean layered() {
        return manifestDigest != null;
    }
}
