package io.holdfast.spi.restore;

import java.time.Instant;
import java.util.List;

/**
 * What a restore would do now, worked out without doing any of it: the dry run behind
 * {@code holdfast system restore-plan}.
 *
 * @param computedAt when it was worked out
 * @param containers one entry per container record, with the outcome a restore would give it; containers it would
 *                   leave for the operator are {@link RestoreOutcome#NEEDS_ATTENTION} with the reason
 * @param orphans    containers a monitor holds that no record knows about
 * @param plugins    the installed storage drivers and network bridges with their settings
 */
public record RestorePlan(Instant computedAt, List<RestoreEntry> containers, List<Orphan> orphans,
                          List<PluginCheck> plugins) {
    public RestorePlan {
        containers = List.copyOf(containers);
        orphans = List.copyOf(orphans);
        plugins = List.copyOf(plugins);
    }
}
