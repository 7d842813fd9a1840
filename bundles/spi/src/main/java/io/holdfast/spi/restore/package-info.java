/** What the restore bundle needs from the supervisor, and the report it leaves behind. */
@Version("2.1.0")
@Export
package io.holdfast.spi.restore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
