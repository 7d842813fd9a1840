/**
 * daemon.json, translated per owner: the engine's core keys as {@link io.holdfast.spi.config.DaemonConfig}, and
 * each plugin's own keys declared by it ({@link io.holdfast.spi.config.ConfigKeys}) and handed to it checked
 * ({@link io.holdfast.spi.config.ComponentConfig}).
 */
@Version("2.0.0")
@Export
package io.holdfast.spi.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
