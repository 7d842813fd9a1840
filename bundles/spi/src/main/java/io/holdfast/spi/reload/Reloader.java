package io.holdfast.spi.reload;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reloads the engine in place: reads daemon.json again and applies what can be applied live, and installs or
 * updates the bundles whose jars changed in {@code deploy/}, refreshing only them and what is wired to them.
 * Containers, their monitors and the SPI and shim bundles are never restarted by it.
 *
 * <pre>{@code
 * ReloadReport plan = reloader.reload(true);   // dry run: what would change, and why
 * ReloadReport done = reloader.reload(false);
 * }</pre>
 *
 * <p>A reload is all or nothing: a rejected daemon.json changes nothing, and a bundle that does not resolve or
 * start is put back to its previous revision. Reloads run one at a time on the reload bundle's own thread; the
 * call blocks until this one has finished (seconds).
 */
@ProviderType
public interface Reloader {
    ReloadReport reload(boolean dryRun);
}
