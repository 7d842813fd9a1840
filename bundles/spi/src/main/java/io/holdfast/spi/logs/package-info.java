/** Reading the container logs that monitors write while the engine is up or down. */
@Version("1.1.0")
@Export
package io.holdfast.spi.logs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
