package io.holdfast.spi.config;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads daemon.json again for a reload; provided by the config bundle next to the {@link DaemonConfig} service.
 *
 * <pre>{@code
 * ConfigUpdate update = source.reread(false); // applied: a new DaemonConfig service replaces the old one
 * }</pre>
 *
 * <p>The whole file is validated first, with the same checks as at start, including every installed
 * {@link ConfigKeys} owner's. On any error nothing changes: the running configuration stays in force and an
 * {@code EngineException} of kind {@code INVALID} names the file, line, column and key. Otherwise the reloadable
 * changes are applied together, by registering a {@link DaemonConfig} (core keys) or {@link ComponentConfig} (an
 * owner's live keys) that carries them (consumers hold it dynamically and switch without a restart), and the rest
 * are reported as pending. Keys no installed component declares are reported in {@link ConfigUpdate#unclaimed()}.
 * Calls are serialised; each blocks on reading the file and on the owners' checks.
 */
@ProviderType
public interface DaemonConfigSource {

    /** Reads and validates daemon.json; with {@code apply} false it only reports what would change. */
    ConfigUpdate reread(boolean apply);
}
