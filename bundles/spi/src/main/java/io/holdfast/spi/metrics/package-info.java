/** The engine's metrics: sources any bundle offers, collected and served by the metrics bundle. */
@Version("1.0.0")
@Export
package io.holdfast.spi.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
