package io.holdfast.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deploy/ trust: only what root alone can write is read as a bundle (the engine runs it, as root). */
class DeployDirectoryTest {
    private Path home;
    private Path deploy;

    @BeforeEach
    void create() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "ownership is checked against root; the build runs as root");
        home = Files.createTempDirectory("holdfast-deploy-");
        deploy = Files.createDirectory(home.resolve("deploy"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void remove() throws IOException {
        if (home != null) {
            Directories.deleteTree(home);
        }
    }

    private Path jar(String file, String symbolicName, String mode) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        Path path = deploy.resolve(file);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    private static List<String> names(DeployDirectory.Scan scan) {
        return scan.jars().stream().map(DeployedJar::symbolicName).toList();
    }

    @Test
    void aJarOnlyRootCanWriteIsRead() throws IOException {
        jar("extra.jar", "io.holdfast.extra", "rw-r--r--");
        DeployDirectory.Scan scan = new DeployDirectory(deploy).scan();
        assertEquals(List.of("io.holdfast.extra"), names(scan));
        assertEquals(List.of(), scan.refused());
    }

    @Test
    void aGroupOrWorldWritableJarIsRefusedWithTheReasonAndItsBundleHeld() throws IOException {
        jar("a.jar", "io.holdfast.a", "rw-rw-r--");
        jar("b.jar", "io.holdfast.b", "rw-r--rw-");
        DeployDirectory.Scan scan = new DeployDirectory(deploy).scan();
        assertEquals(List.of(), names(scan));
        assertEquals(List.of("deploy/a.jar: writable by its group (mode rw-rw-r--); chmod go-w; not applied",
                "deploy/b.jar: writable by everyone (mode rw-r--rw-); chmod go-w; not applied"), scan.refused());
        assertEquals(Set.of("io.holdfast.a", "io.holdfast.b"), scan.held());
    }

    @Test
    void aJarNotOwnedByRootIsRefused() throws IOException {
        Path jar = jar("extra.jar", "io.holdfast.extra", "rw-r--r--");
        Files.setAttribute(jar, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        DeployDirectory.Scan scan = new DeployDirectory(deploy).scan();
        assertEquals(List.of("deploy/extra.jar: owned by uid 65534, not root; not applied"), scan.refused());
        assertTrue(scan.holds("io.holdfast.extra"));
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToATrustedJar() throws IOException {
        Path real = jar("real.jar.orig", "io.holdfast.extra", "rw-r--r--");
        Files.createSymbolicLink(deploy.resolve("extra.jar"), real);
        DeployDirectory.Scan scan = new DeployDirectory(deploy).scan();
        assertEquals(List.of("deploy/extra.jar: a symbolic link; put the jar itself there; not applied"),
                scan.refused());
    }

    @Test
    void anUntrustedDirectoryHasNothingReadAndHoldsEveryBundle() throws IOException {
        jar("extra.jar", "io.holdfast.extra", "rw-r--r--");
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxrwx"));
        DeployDirectory.Scan scan = new DeployDirectory(deploy).scan();
        assertEquals(List.of(), names(scan));
        assertEquals(List.of("deploy/ (" + deploy + "): writable by everyone (mode rwxrwxrwx); chmod go-w; no jar in "
                + "it is applied"), scan.refused());
        assertTrue(scan.heldAll());
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(deploy, "unix:uid", 1000, LinkOption.NOFOLLOW_LINKS);
        assertEquals(List.of("deploy/ (" + deploy + "): owned by uid 1000, not root; no jar in it is applied"),
                new DeployDirectory(deploy).scan().refused());
    }
}
