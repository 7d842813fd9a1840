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

    /** The running revision's bytes. */
    byte[] bytes(Bundle bundle) throws IOException {
        byte[] known = applied.get(bundle.getBundleId());
        if (known != null) {
            return known;
        }
        try (InputStream in = URI.create(bundle.getLocation()).toURL().openStream()) {
            byte[] bytes = in.readAllBytes();
            applied.put(bundle.getBundleId(), bytes);
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the running revision of " + bundle.getSymbolicName() + " from "
                    + bundle.getLocation());
        }
    }

    String digest(Bundle bundle) throws IOException {
        return DeployDirectory.digest(bytes(bundle));
    }

    void remember(Bundle bundle, byte[] bytes) {
        applied.put(bundle.getBundleId(), bytes);
    }

    void forget(Bundle bundle) {
        applied.remove(bundle.getBundleId());
    }
}
