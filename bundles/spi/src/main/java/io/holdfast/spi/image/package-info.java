/** Images: root filesystems imported from tarballs, named by repository and tag. */
@Version("1.2.0")
@Export
package io.holdfast.spi.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
