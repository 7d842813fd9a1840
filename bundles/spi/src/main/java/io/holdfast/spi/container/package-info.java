/** The container model: what a user asks for, what the engine records, and the lifecycle service. */
@Version("2.3.0")
@Export
package io.holdfast.spi.container;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
