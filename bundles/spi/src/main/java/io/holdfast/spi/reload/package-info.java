/** Reloading the engine in place: daemon.json and bundle swaps. */
@Version("1.0.0")
@Export
package io.holdfast.spi.reload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
