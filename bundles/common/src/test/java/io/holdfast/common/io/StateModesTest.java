package io.holdfast.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateModesTest {
    @TempDir
    Path temp;

    private static String mode(Path path) throws IOException {
        return FileModes.describe(path);
    }

    private static Path file(Path path, String mode) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    private static Path dir(Path path, String mode) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    @Test
    void anOldEnginesDataRootIsMadePrivateButImagesAndContainersKeepWhatTheyNeed() throws IOException {
        Path root = dir(temp.resolve("data"), "rwxr-xr-x");
        Path container = dir(root.resolve("containers/c1"), "rwxr-xr-x");
        Path config = file(container.resolve("config.json"), "rw-r--r--");
        Path state = file(container.resolve("state.json"), "rw-r--r--");
        Path hosts = file(container.resolve("hosts"), "rw-rw-rw-");
        Path resolv = file(container.resolve("resolv.conf"), "rw-r--r--");
        Path execRecord = file(container.resolve("execs/e1.json"), "rw-r--r--");
        Path rootfs = dir(root.resolve("images/abc/rootfs"), "rwxr-xr-x");
        Path binary = file(rootfs.resolve("bin/sh"), "rwxr-xr-x");
        Path imageJson = file(root.resolve("images/abc/image.json"), "rw-r--r--");
        Path layer = dir(root.resolve("images/layers/def/diff"), "rwxr-xr-x");
        Path layerBinary = file(layer.resolve("bin/busybox"), "rwxr-xr-x");
        Path storage = dir(root.resolve("storage"), "rwxr-xr-x");
        Path containerRoot = dir(storage.resolve("vfs/c1"), "rwxr-xr-x");
        Path tmp = dir(containerRoot.resolve("tmp"), "rwxrwxrwx");
        Path volumes = dir(root.resolve("volumes"), "rwxr-xr-x");
        Path volumeData = dir(volumes.resolve("pgdata/_data"), "rwxrwxrwx");
        Path volumeFile = file(volumeData.resolve("table"), "rw-r--r--");
        Path events = file(root.resolve("events.log"), "rw-r--r--");
        Path lease = file(root.resolve("network/bridge/leases.json"), "rw-r--r--");

        List<String> changed = StateModes.tightenDataRoot(root);

        assertEquals("rwx------", mode(root));
        for (Path path : List.of(container, container.resolve("execs"), root.resolve("images"),
                root.resolve("images/abc"), storage, root.resolve("network/bridge"))) {
            assertEquals("rwx------", mode(path), path.toString());
        }
        for (Path path : List.of(config, state, execRecord, imageJson, events, lease)) {
            assertEquals("rw-------", mode(path), path.toString());
        }
        assertEquals("rw-r--r--", mode(hosts), "bound into the container: readable, but no longer writable by others");
        assertEquals("rw-r--r--", mode(resolv));
        assertEquals("rwxr-xr-x", mode(rootfs), "the image's own root directory mode is the container's /");
        assertEquals("rwxr-xr-x", mode(binary));
        assertEquals("rwxr-xr-x", mode(layer), "a layer's files are what its containers see");
        assertEquals("rwxr-xr-x", mode(layerBinary));
        assertEquals("rwxr-xr-x", mode(containerRoot), "a driver's root file system is the container's");
        assertEquals("rwxrwxrwx", mode(tmp));
        assertEquals("rwx------", mode(volumes));
        assertEquals("rwxrwxrwx", mode(volumeData), "a volume's data is the containers', as they left it");
        assertEquals("rw-r--r--", mode(volumeFile));
        assertTrue(changed.contains(config + ": rw-r--r-- -> rw-------"), changed.toString());
        assertTrue(changed.contains(root + ": rwxr-xr-x -> rwx------"), changed.toString());
        assertEquals(List.of(), StateModes.tightenDataRoot(root), "a second pass changes nothing");
    }

    @Test
    void aDirectoryIsMadePrivateAfterItsContentSoAPassCutShortIsTakenUpAgain() throws IOException {
        Path root = dir(temp.resolve("data"), "rwxr-xr-x");
        Path container = dir(root.resolve("containers/c1"), "rwxr-xr-x");
        Path config = file(container.resolve("config.json"), "rw-r--r--");

        List<String> changed = StateModes.tightenDataRoot(root);

        assertTrue(changed.indexOf(config + ": rw-r--r-- -> rw-------")
                < changed.indexOf(container + ": rwxr-xr-x -> rwx------"), changed.toString());
    }

    @Test
    void whatAPrivateDirectoryHoldsIsNotWalkedAgain() throws IOException {
        Path root = dir(temp.resolve("data"), "rwx------");
        Path containers = dir(root.resolve("containers"), "rwx------");
        // inside a private directory no other user reaches it; this engine never writes such a file itself
        Path config = file(dir(containers.resolve("c1"), "rwxr-xr-x").resolve("config.json"), "rw-r--r--");
        Path events = file(root.resolve("events.log"), "rw-r--r--");

        List<String> changed = StateModes.tightenDataRoot(root);

        assertEquals(List.of(events + ": rw-r--r-- -> rw-------"), changed);
        assertEquals("rw-r--r--", mode(config));
    }

    @Test
    void linksAreNeitherFollowedNorChanged() throws IOException {
        Path root = dir(temp.resolve("data"), "rwx------");
        Path outside = file(temp.resolve("outside/secret"), "rw-r--r--");
        Files.createDirectories(root.resolve("containers/c1"));
        Files.createSymbolicLink(root.resolve("containers/c1/link"), outside);
        StateModes.tightenDataRoot(root);
        assertEquals("rw-r--r--", mode(outside));
    }

    @Test
    void atomicFilesArePrivateInPrivateDirectoriesAndBoundFilesReadable() throws IOException {
        Path target = temp.resolve("a/b/state.json");
        AtomicFile.write(target, new byte[] {1});
        assertEquals("rw-------", mode(target));
        assertEquals("rwx------", mode(temp.resolve("a")));
        assertEquals("rwx------", mode(temp.resolve("a/b")));
        Path hosts = temp.resolve("a/b/hosts");
        AtomicFile.write(hosts, new byte[] {1}, FileModes.READABLE_FILE);
        assertEquals("rw-r--r--", mode(hosts));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.write(target, new byte[] {2});
        assertEquals("rw-------", mode(target), "a rewrite replaces an old engine's readable file");
    }

    @Test
    void createPrivateLeavesExistingDirectoriesAlone() throws IOException {
        Path existing = dir(temp.resolve("shared"), "rwxr-xr-x");
        Directories.createPrivate(existing.resolve("x/y"));
        assertEquals("rwxr-xr-x", mode(existing));
        assertEquals("rwx------", mode(existing.resolve("x")));
        assertEquals("rwx------", mode(existing.resolve("x/y")));
    }
}
