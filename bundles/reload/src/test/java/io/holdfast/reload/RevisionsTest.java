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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The running revision of a bundle installed from a jar: stamped at the start, hashed only when asked. */
class RevisionsTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedJarIsReadAndHashedWhenAsked() throws IOException {
        Path jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
        Bundle bundle = bundle(7, jar);
        Revisions revisions = new Revisions();
        revisions.prime(new Bundle[] {bundle});

        assertArrayEquals(new byte[] {1, 2, 3}, revisions.bytes(bundle));
        assertEquals(DeployDirectory.digest(new byte[] {1, 2, 3}), revisions.digest(bundle));
    }

    @Test
    void aJarReplacedSinceTheStartIsNotTakenForTheRunningRevision() throws IOException {
        Path jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
        Bundle bundle = bundle(7, jar);
        Revisions revisions = new Revisions();
        revisions.prime(new Bundle[] {bundle});
        Path replacement = Files.write(dir.resolve("new.jar"), new byte[] {1, 2, 3});
        Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        IOException digest = assertThrows(IOException.class, () -> revisions.digest(bundle));
        assertTrue(digest.getMessage().contains("changed on disk since restore was installed from it"),
                digest.getMessage());
        assertThrows(IOException.class, () -> revisions.bytes(bundle));
    }

    @Test
    void theDigestTakenBeforeAChangeStaysTheRunningRevisions() throws IOException {
        Path jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
        Bundle bundle = bundle(7, jar);
        Revisions revisions = new Revisions();
        revisions.prime(new Bundle[] {bundle});
        String running = revisions.digest(bundle);
        Files.write(jar, new byte[] {4, 5, 6, 7});

        assertEquals(running, revisions.digest(bundle));
        assertThrows(IOException.class, () -> revisions.bytes(bundle)); // nothing to put a failed update back to
    }

    @Test
    void bytesAppliedByAReloadAreTheRunningRevisionWhateverTheFileHolds() throws IOException {
        Path jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
        Bundle bundle = bundle(7, jar);
        Revisions revisions = new Revisions();
        revisions.prime(new Bundle[] {bundle});
        revisions.remember(bundle, new byte[] {9});
        Files.delete(jar);

        assertArrayEquals(new byte[] {9}, revisions.bytes(bundle));
        assertEquals(DeployDirectory.digest(new byte[] {9}), revisions.digest(bundle));
    }

    @Test
    void aBundleNotInstalledFromAFileHasNoRevisionToReadButDoesNotStopThePriming() throws IOException {
        Path jar = Files.write(dir.resolve("restore.jar"), new byte[] {1, 2, 3});
        Bundle system = bundle(0, "System Bundle");
        Revisions revisions = new Revisions();
        revisions.prime(new Bundle[] {system, bundle(7, jar)});
        Files.write(jar, new byte[] {4, 5, 6, 7});

        IOException e = assertThrows(IOException.class, () -> revisions.bytes(system));
        assertTrue(e.getMessage().startsWith("cannot read the running revision of restore from System Bundle"));
        assertThrows(IOException.class, () -> revisions.bytes(bundle(7, jar))); // primed after the system bundle
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
