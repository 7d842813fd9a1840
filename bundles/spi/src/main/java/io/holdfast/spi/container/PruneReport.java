package io.holdfast.spi.container;

import java.util.List;

/**
 * What a container prune removed (Docker's {@code ContainersDeleted}, {@code SpaceReclaimed}).
 *
 * @param deleted        the ids of the containers removed
 * @param spaceReclaimed bytes their writable layers held
 */
public record PruneReport(List<String> deleted, long spaceReclaimed) {
    public PruneReport {
        deleted = List.copyOf(deleted);
    }
}
