package io.holdfast.spi.image;

import java.time.Instant;
import java.util.List;

/**
 * One imported image.
 *
 * @param id       {@code sha256:} followed by the hex SHA-256 of the imported tar stream (uncompressed); for an image
 *                 with a config, of that digest and the config
 * @param repoTags every {@code name:tag} that points at it
 * @param created  when it was imported
 * @param size     bytes of its root filesystem's regular files
 * @param rootfs   the absolute path of its root filesystem; read only for everyone but the image store
 * @param config   the defaults its containers take
 */
public record ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs,
                          ImageConfig config) {
    public ImageRecord {
        repoTags = List.copyOf(repoTags);
        config = config == null ? ImageConfig.NONE : config;
    }

    /** An image without a config. */
    public ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs) {
        this(id, repoTags, created, size, rootfs, null);
    }
}
