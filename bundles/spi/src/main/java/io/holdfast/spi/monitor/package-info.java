/** The engine-to-monitor contract: the resident shim holds one monitor process per running container. */
@Version("1.1.0")
@Export
package io.holdfast.spi.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
