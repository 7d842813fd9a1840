package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.PruneReport;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's container prune: removes every container that is not running and that the filters accept, each on its
 * own (one that cannot be removed is logged and skipped, as moby does), and adds up what their writable layers held.
 */
final class Pruner {
    private static final Logger LOG = Logger.getLogger(Pruner.class.getName());

    private final ContainerTable table;
    private final Lifecycle lifecycle;
    /** The directory a container's storage driver keeps its layers in. */
    private final Function<ContainerRecord, Path> storageDir;
    private final EventPublisher events;

    Pruner(ContainerTable table, Lifecycle lifecycle, Function<ContainerRecord, Path> storageDir,
           EventPublisher events) {
        this.table = table;
        this.lifecycle = lifecycle;
        this.storageDir = storageDir;
        this.events = events;
    }

    PruneReport prune(Predicate<ContainerRecord> which) {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerRecord record : table.all()) {
            ContainerStatus status = record.state().status();
            if (status == ContainerStatus.RUNNING || status == ContainerStatus.RESTARTING || !which.test(record)) {
                continue;
            }
            long size = writableSize(storageDir.apply(record));
            try {
                lifecycle.remove(record.id(), false);
                deleted.add(record.id());
                reclaimed += size;
            } catch (EngineException e) {
                LOG.log(Level.WARNING, "prune: cannot remove " + record.shortId() + ": " + e.getMessage());
            }
        }
        events.pruned("container", reclaimed);
        return new PruneReport(deleted, reclaimed);
    }

    /**
     * Bytes in the container's storage directory, not counting mounted file systems below it (the overlay's merged
     * view is the image plus the upper layer, which is counted already).
     */
    static long writableSize(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        try {
            Object device = Files.getAttribute(dir, "unix:dev");
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    return device.equals(Files.getAttribute(d, "unix:dev")) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UnsupportedOperationException e) {
            LOG.fine(() -> "cannot size " + dir + ": " + e.getMessage());
        }
        return total[0];
    }
}
