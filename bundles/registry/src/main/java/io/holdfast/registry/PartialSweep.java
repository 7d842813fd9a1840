package io.holdfast.registry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes partial downloads nobody came back for: a pull cut by {@code kill -9} keeps its partial blob so that the
 * same pull, asked again, resumes it; one untouched for {@link #MAX_AGE} is swept at the next start instead of
 * staying forever. Run at activation, before any pull.
 */
final class PartialSweep {
    static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(PartialSweep.class.getName());

    private PartialSweep() {
    }

    /** Deletes the files in {@code partials} last written before {@code now - maxAge}; returns them. */
    static List<Path> sweep(Path partials, Duration maxAge, Instant now) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(partials, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        Instant cutoff = now.minus(maxAge);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(partials)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(entry);
                    removed.add(entry);
                    LOG.info(() -> "removed " + entry + ", a partial download not resumed for " + maxAge.toHours()
                            + " hours");
                }
            }
        }
        return removed;
    }
}
