package io.holdfast.images;

import java.time.Instant;

/**
 * What {@code <hex>/image.json} records about one image; its tags live in {@code repositories.json} instead so that
 * tagging never rewrites an image.
 *
 * @param id      {@code sha256:<hex>}
 * @param created when it was first imported
 * @param size    bytes of its regular files
 */
record ImageMetadata(String id, Instant created, long size) {
}
