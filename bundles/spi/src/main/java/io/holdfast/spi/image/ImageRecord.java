package io.holdfast.spi.image;

import java.time.Instant;
import java.util.List;

/**
 * One image: imported flat from a tarball, or made of layers (loaded, pulled).
 *
 * @param id       {@code sha256:} followed by the hex SHA-256 of the imported tar stream (uncompressed); for an image
 *                 with a config, of that digest and the config; for a layered image, of its config blob
 * @param repoTags every {@code name:tag} that points at it
 * @param created  when it was imported
 * @param size     bytes of its root filesystem's regular files
 * @param rootfs   the absolute path of its root filesystem (of a layered image: its top layer's directory, which
 *                 is not the whole tree); read only for everyone but the image store
 * @param config   the defaults its containers take
 * @param layers   the absolute paths of its layers' directories, lowest first, in overlayfs's format (a whiteout is
 *                 a character device 0/0); an image imported flat has one, its {@code rootfs}. Read only.
 */
public record ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs,
                          ImageConfig config, List<String> layers) {
    public ImageRecord {
        repoTags = List.copyOf(repoTags);
        config = config == null ? ImageConfig.NONE : config;
        layers = layers == null || layers.isEmpty() ? List.of(rootfs) : List.copyOf(layers);
    }

    /** A flat image: its only layer is its root filesystem. */
    public ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs,
                       ImageConfig config) {
        this(id, repoTags, created, size, rootfs, config, null);
    }

    /** An image without a config. */
    public ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs) {
        this(id, repoTags, created, size, rootfs, null);
    }
}
