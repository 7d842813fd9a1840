/** Registries: pull images into the content store and push them from it. */
@Version("1.0.0")
@Export
package io.holdfast.spi.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
