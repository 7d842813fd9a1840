/** Network bridges: plugins that give each container its network namespace and addresses. */
@Version("1.3.0")
@Export
package io.holdfast.spi.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
