package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script stands in for the runtime and writes down how it was called. */
class OciRuntimeCliTest {
    @TempDir
    Path dir;

    private Path calls;

    private OciRuntimeCli runtime(Path root) throws Exception {
        calls = dir.resolve("calls");
        Path script = dir.resolve("runc");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new OciRuntimeCli(new OciRuntime("runc", script.toString()), root);
    }

    /** Every start asks to delete what the runtime may still have: without a state directory it runs nothing. */
    @Test
    void aContainerTheRuntimeHasNoDirectoryForIsNotDeletedByRunningIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        runtime(root).deleteIfPresent("abc");
        assertFalse(Files.exists(calls), "the runtime was run");
    }

    @Test
    void aContainerTheRuntimeStillHasIsDeleted() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("abc"));
        runtime(root).deleteIfPresent("abc");
        assertEquals("--root=" + root + " delete --force abc\n", Files.readString(calls));
    }
}
