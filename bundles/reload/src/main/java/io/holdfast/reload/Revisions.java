package io.holdfast.reload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;

/**
 * The content of each bundle's running revision: what a changed jar is compared with, and what a failed update is
 * put back to. A bundle never updated by a reload runs what its location (a jar under {@code bundle/} or
 * {@code deploy/}) held when it was installed; once a reload updates it, the applied bytes are kept here, since the
 * file they came from may be replaced.
 */
final class Revisions {
    private final Map<Long, byte[]> applied = new ConcurrentHashMap<>();
    private final Set<Long> updatedByReload = ConcurrentHashMap.newKeySet();

    /** What each bundle's jar looked like at the start; a changed stamp means the file no longer holds the revision. */
    private final Map<Long, FileStamp> installedStamps = new ConcurrentHashMap<>();
    private final Map<Long, String> installedDigests = new ConcurrentHashMap<>();

    /**
     * Notes what each bundle was installed from while its jar is surely still there. Only the file's stamp is taken
     * (a stat, not a hash of megabytes of jars on the engine's start path); a jar is hashed when a reload first
     * compares it.
     */
    void prime(Bundle[] bundles) {
        for (Bundle bundle : bundles) {
            try {
                installedStamps.put(bundle.getBundleId(), FileStamp.of(location(bundle)));
            } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
                // not a jar location (the system bundle); such a bundle is never compared
            }
        }
    }

    /** Whether a reload replaced what this bundle was installed from. */
    boolean remembers(Bundle bundle) {
        return updatedByReload.contains(bundle.getBundleId());
    }

    /** The running revision's bytes. */
    byte[] bytes(Bundle bundle) throws IOException {
        byte[] known = applied.get(bundle.getBundleId());
        if (known != null) {
            return known;
        }
        Path jar;
        try {
            jar = location(bundle);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new IOException("cannot read the running revision of " + bundle.getSymbolicName() + " from "
                    + bundle.getLocation());
        }
        // what the bundle was installed from, unless a reload changed it (above), and only while the file is
        // the one that was there at the start
        FileStamp installed = installedStamps.get(bundle.getBundleId());
        byte[] bytes = Files.readAllBytes(jar);
        if (installed != null && !installed.equals(FileStamp.of(jar))) {
            throw new IOException(bundle.getLocation() + " changed on disk since " + bundle.getSymbolicName()
                    + " was installed from it");
        }
        return bytes;
    }

    String digest(Bundle bundle) throws IOException {
        byte[] known = applied.get(bundle.getBundleId());
        if (known != null) {
            return DeployDirectory.digest(known);
        }
        String installed = installedDigests.get(bundle.getBundleId());
        if (installed == null) {
            installed = DeployDirectory.digest(bytes(bundle));
            installedDigests.put(bundle.getBundleId(), installed);
        }
        return installed;
    }

    /** {@code bundle} now runs {@code bytes}, applied by a reload. */
    void remember(Bundle bundle, byte[] bytes) {
        applied.put(bundle.getBundleId(), bytes);
        updatedByReload.add(bundle.getBundleId());
    }

    void forget(Bundle bundle) {
        applied.remove(bundle.getBundleId());
        updatedByReload.remove(bundle.getBundleId());
    }

    private static Path location(Bundle bundle) {
        return Path.of(URI.create(bundle.getLocation()));
    }

    /** A file's identity and content stamp: replaced (new inode), rewritten or resized files all differ. */
    private record FileStamp(Object fileKey, long size, FileTime modified) {
        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        }
    }
}
