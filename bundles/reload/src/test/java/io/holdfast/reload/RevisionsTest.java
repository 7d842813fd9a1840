package io.holdfast.reload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The running revision of a bundle installed from a jar: stamped at the start, hashed only when asked. */
class RevisionsTest {
    @TempDir
    Path dir;
    /** The jar bundle 7 was installed from, holding 1, 2, 3. */
    private Path jar;

    @BeforeEach
    void installedJar() throws IOException {
        jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
    }

    @Test
    void anUnchangedJarIsReadAndHashedWhenAsked() throws IOException {
        Bundle bundle = bundle(7, jar);
        Revisions revisions = primed(bundle);

        assertArrayEquals(new byte[] {1, 2, 3}, revisions.bytes(bundle));
        assertEquals(DeployDirectory.digest(new byte[] {1, 2, 3}), revisions.digest(bundle));
    }

    @Test
    void aJarReplacedSinceTheStartIsNotTakenForTheRunningRevision() throws IOException {
        Bundle bundle = bundle(7, jar);
        Revisions revisions = primed(bundle);
        Path replacement = Files.write(dir.resolve("new.jar"), new byte[] {1, 2, 3});
        Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        IOException digest = assertThrows(IOException.class, () -> revisions.digest(bundle));
        assertTrue(digest.getMessage().contains("changed on disk since restore was installed from it"),
                digest.getMessage());
        assertThrows(IOException.class, () -> revisions.bytes(bundle));
    }

    @Test
    void theDigestTakenBeforeAChangeStaysTheRunningRevisions() throws IOException {
        Bundle bundle = bundle(7, jar);
        Revisions revisions = primed(bundle);
        String running = revisions.digest(bundle);
        Files.write(jar, new byte[] {4, 5, 6, 7});

        assertEquals(running, revisions.digest(bundle));
        assertThrows(IOException.class, () -> revisions.bytes(bundle)); // nothing to put a failed update back to
    }

    @Test
    void bytesAppliedByAReloadAreTheRunningRevisionWhateverTheFileHolds() throws IOException {
        Bundle bundle = bundle(7, jar);
        Revisions revisions = primed(bundle);
        revisions.remember(bundle, new byte[] {9});
        Files.delete(jar);

        assertArrayEquals(new byte[] {9}, revisions.bytes(bundle));
        assertEquals(DeployDirectory.digest(new byte[] {9}), revisions.digest(bundle));
    }

    @Test
    void aBundleNotInstalledFromAFileHasNoRevisionToReadButDoesNotStopThePriming() throws IOException {
        Bundle system = bundle(0, "System Bundle");
        Revisions revisions = primed(system, bundle(7, jar));
        Files.write(jar, new byte[] {4, 5, 6, 7});

        IOException e = assertThrows(IOException.class, () -> revisions.bytes(system));
        assertTrue(e.getMessage().startsWith("cannot read the running revision of restore from System Bundle"));
        assertThrows(IOException.class, () -> revisions.bytes(bundle(7, jar))); // primed after the system bundle
    }

    /** Revisions as the reload bundle's activation leaves them: every installed bundle's jar stamped. */
    private static Revisions primed(Bundle... bundles) {
        Revisions revisions = new Revisions();
        revisions.prime(bundles);
        return revisions;
    }

    private static Bundle bundle(long id, Path jar) {
        return bundle(id, jar.toUri().toString());
    }

    private static Bundle bundle(long id, String location) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getLocation" -> location;
                    case "getSymbolicName" -> "restore";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
