package io.holdfast.images;

import io.holdfast.spi.image.ImageConfig;
import java.time.Instant;

/**
 * What {@code <hex>/image.json} records about one image; its tags live in {@code repositories.json} instead so that
 * tagging never rewrites an image. Files written before images had a config have none: they read as
 * {@link ImageConfig#NONE}.
 *
 * @param id      {@code sha256:<hex>}
 * @param created when it was first imported
 * @param size    bytes of its regular files
 * @param config  the defaults its containers take
 */
record ImageMetadata(String id, Instant created, long size, ImageConfig config) {
    ImageMetadata {
        config = config == null ? ImageConfig.NONE : config;
    }
}
