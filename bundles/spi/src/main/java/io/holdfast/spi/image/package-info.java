/** Images: root filesystems imported from tarballs or made of layers in a content store, named by repository and tag. */
@Version("1.3.0")
@Export
package io.holdfast.spi.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
