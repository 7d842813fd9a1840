/**
 * Volumes: data that outlives containers. {@link io.holdfast.spi.volume.VolumeDriver} is the plugin kind (the
 * {@code local} driver is one), {@link io.holdfast.spi.volume.Volumes} the engine's service over all of them.
 */
@Version("1.0.0")
@Export
package io.holdfast.spi.volume;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
