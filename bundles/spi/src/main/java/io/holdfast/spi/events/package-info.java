/** What happened in the engine, as Docker's {@code /events} reports it: published by the supervisor, kept by logging. */
@Version("1.2.0")
@Export
package io.holdfast.spi.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
