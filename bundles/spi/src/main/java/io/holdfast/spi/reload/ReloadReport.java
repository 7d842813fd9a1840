package io.holdfast.spi.reload;

import io.holdfast.spi.config.ConfigUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a reload did, or for a dry run would do.
 *
 * @param startedAt when it began
 * @param duration  how long it took
 * @param dryRun    nothing was changed: this is the plan
 * @param ok        it succeeded; otherwise {@code error} says why and nothing was changed (or all was put back)
 * @param error     why it failed or was refused, or {@code null}
 * @param config    the daemon.json changes, or {@code null} when the file was rejected
 * @param bundles   the bundles installed, updated and refreshed, each with its reason
 * @param refused   deployed jars a reload never applies (the SPI, the reload bundle itself), with why
 */
public record ReloadReport(Instant startedAt, Duration duration, boolean dryRun, boolean ok, String error,
                           ConfigUpdate config, List<BundleChange> bundles, List<String> refused) {
    public ReloadReport {
        bundles = List.copyOf(bundles);
        refused = List.copyOf(refused);
    }
}
