package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialSweepTest {
    @TempDir
    Path dir;

    @Test
    void removesOnlyPartialsUntouchedForADay() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path stale = Files.write(dir.resolve("sha256-" + "a".repeat(64)), new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(25))));
        Path recent = Files.write(dir.resolve("sha256-" + "b".repeat(64)), new byte[10]);
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofHours(23))));

        assertEquals(List.of(stale), PartialSweep.sweep(dir, PartialSweep.MAX_AGE, now));
        assertTrue(Files.exists(recent), "a partial of the last day is kept to resume from");
    }

    @Test
    void noPartialDirectoryIsNothingToDo() throws Exception {
        assertEquals(List.of(), PartialSweep.sweep(dir.resolve("absent"), PartialSweep.MAX_AGE, Instant.now()));
    }
}
