package io.holdfast.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryChangesTest {
    @TempDir
    Path dir;

    /** The change is counted, not merely waited out: without the inotify watch the mark would never move. */
    @Test
    void anAppendFromAnyWriterWakesTheFollowersOfItsDirectory() throws Exception {
        Path log = dir.resolve("ctr.log");
        Files.writeString(log, "");
        try (DirectoryChanges changes = new DirectoryChanges();
                DirectoryChanges.Interest one = changes.watch(log);
                DirectoryChanges.Interest two = changes.watch(log)) {
            long mark = one.mark();
            Files.writeString(log, "line\n", StandardOpenOption.APPEND);
            for (int backstops = 0; backstops < 30 && one.mark() == mark; backstops++) {
                one.awaitChangeSince(mark);
            }
            assertNotEquals(mark, one.mark());
            assertEquals(one.mark(), two.mark(), "followers of one directory share its watch");
        }
    }

    @Test
    void wakeEndsTheWaitOfEveryFollowerWithoutAChange() throws Exception {
        Path log = dir.resolve("ctr.log");
        Files.writeString(log, "");
        try (DirectoryChanges changes = new DirectoryChanges();
                DirectoryChanges.Interest interest = changes.watch(log)) {
            long mark = interest.mark();
            interest.wake();
            interest.awaitChangeSince(mark);
            assertNotEquals(mark, interest.mark());
        }
    }

    /** The last follower's close cancels the watch; a later follower of the directory gets a new one. */
    @Test
    void aDirectoryIsWatchedAgainAfterItsLastFollowerLeft() throws Exception {
        Path log = dir.resolve("ctr.log");
        Files.writeString(log, "");
        try (DirectoryChanges changes = new DirectoryChanges()) {
            changes.watch(log).close();
            try (DirectoryChanges.Interest again = changes.watch(log)) {
                long mark = again.mark();
                Files.writeString(log, "line\n", StandardOpenOption.APPEND);
                for (int backstops = 0; backstops < 30 && again.mark() == mark; backstops++) {
                    again.awaitChangeSince(mark);
                }
                assertNotEquals(mark, again.mark());
            }
        }
    }
}
