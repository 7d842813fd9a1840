/** Storage drivers: plugins that give each container its root filesystem. */
@Version("1.2.0")
@Export
package io.holdfast.spi.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
