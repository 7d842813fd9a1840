/**
 * The settings a container was created under, as its record keeps them and a restore compares them: one format,
 * shared by the supervisor (writes) and the restore (reads) through this package instead of a copy in each.
 */
@Version("1.1.0")
@Export
package io.holdfast.spi.environment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
