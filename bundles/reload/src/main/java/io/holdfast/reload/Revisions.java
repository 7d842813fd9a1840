package io.holdfast.reload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
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
    private final java.util.Set<Long> updatedByReload = ConcurrentHashMap.newKeySet();

    private final Map<Long, String> installedDigests = new ConcurrentHashMap<>();

    /**
     * Notes what each bundle was installed from while its jar is surely still there, so a jar later moved away
     * from {@code bundle/} is still recognised.
     */
    void prime(Bundle[] bundles) {
        for (Bundle bundle : bundles) {
            try (InputStream in = URI.create(bundle.getLocation()).toURL().openStream()) {
                installedDigests.put(bundle.getBundleId(), DeployDirectory.digest(in.readAllBytes()));
            } catch (IOException | IllegalArgumentException e) {
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
        try (InputStream in = URI.create(bundle.getLocation()).toURL().openStream()) {
            byte[] bytes = in.readAllBytes(); // what the bundle was installed from, unless a reload changed it (above)
            String installed = installedDigests.get(bundle.getBundleId());
            if (installed != null && !installed.equals(DeployDirectory.digest(bytes))) {
                throw new IOException(bundle.getLocation() + " changed on disk since " + bundle.getSymbolicName()
                        + " was installed from it");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the running revision of " + bundle.getSymbolicName() + " from "
                    + bundle.getLocation());
        }
    }

    String digest(Bundle bundle) throws IOException {
        byte[] known = applied.get(bundle.getBundleId());
        if (known != null) {
            return DeployDirectory.digest(known);
        }
        String installed = installedDigests.get(bundle.getBundleId());
        return installed != null ? installed : DeployDirectory.digest(bytes(bundle));
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
}
