package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Felix's cache lives under the exec-root, 0700, fresh at each start, whatever was left or planted there. */
class FrameworkCacheTest {
    @TempDir
    Path dir;

    @Test
    void theCacheIsUnderTheExecRootWithMode0700() throws Exception {
        Path execRoot = dir.resolve("run/holdfast");
        Path cache = FrameworkCache.create(execRoot);
        assertEquals(execRoot.resolve("felix-cache"), cache);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aKilledEnginesCacheIsReplacedAndItsModeDoesNotCarryOver() throws Exception {
        Path stale = Files.createDirectories(dir.resolve("felix-cache/bundle1"));
        Files.writeString(stale.resolve("bundle.info"), "old");
        Files.setPosixFilePermissions(dir.resolve("felix-cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cache = FrameworkCache.create(dir);
        assertFalse(Files.exists(cache.resolve("bundle1")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aPlantedLinkIsRemovedNeverFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep"), "mine");
        Path execRoot = Files.createDirectories(dir.resolve("exec"));
        Files.createSymbolicLink(execRoot.resolve("felix-cache"), elsewhere);
        Path cache = FrameworkCache.create(execRoot);
        assertFalse(Files.isSymbolicLink(cache));
        assertTrue(Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS));
        assertEquals("mine", Files.readString(elsewhere.resolve("keep")));
    }
}
