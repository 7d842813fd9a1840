package io.holdfast.spi.volume;

import java.util.List;

/**
 * What a volume prune removed (Docker's {@code VolumesDeleted}, {@code SpaceReclaimed}).
 *
 * @param deleted        the names of the volumes removed
 * @param spaceReclaimed bytes their data held
 */
public record VolumePruneReport(List<String> deleted, long spaceReclaimed) {
    public VolumePruneReport {
        deleted = List.copyOf(deleted);
    }
}
