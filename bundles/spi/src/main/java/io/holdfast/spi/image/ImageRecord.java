package io.holdfast.spi.image;

import java.time.Instant;
import java.util.List;

/**
 * One imported image.
 *
 * @param id       {@code sha256:} followed by the hex SHA-256 of the imported tar stream (uncompressed)
 * @param repoTags every {@code name:tag} that points at it
 * @param created  when it was imported
 * @param size     bytes of its root filesystem's regular files
 * @param rootfs   the absolute path of its root filesystem; read only for everyone but the image store
 */
public record ImageRecord(String id, List<String> repoTags, Instant created, long size, String rootfs) {
    public ImageRecord {
        repoTags = List.copyOf(repoTags);
    }
}
