/** The validated daemon configuration every engine bundle reads. */
@Version("2.0.0")
@Export
package io.holdfast.spi.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
