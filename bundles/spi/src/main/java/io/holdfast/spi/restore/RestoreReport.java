package io.holdfast.spi.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the last restore found and did. The restore bundle hands it to {@link RestoreTarget#restoreCompleted}.
 *
 * @param startedAt  when the restore began
 * @param duration   how long it took
 * @param containers one entry per container record
 * @param orphans    ids of containers a monitor holds that no record knows about; left running, untouched
 * @param plugins    what each storage driver and network bridge said when handed its containers
 * @param phases     where the time went
 */
public record RestoreReport(Instant startedAt, Duration duration, List<RestoreEntry> containers,
                            List<String> orphans, List<PluginCheck> plugins, List<RestorePhase> phases) {
    public RestoreReport {
        containers = List.copyOf(containers);
        orphans = List.copyOf(orphans);
        plugins = List.copyOf(plugins);
        phases = List.copyOf(phases);
    }

    public long count(RestoreOutcome outcome) {
        return containers.stream().filter(e -> e.outcome() == outcome).count();
    }
}
