package io.holdfast.restore;

import io.holdfast.restore.RestoreStep.Action;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.monitor.MonitorStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, without side effects, what the restore does for each container: the monitor's view is the truth about
 * processes, the record the truth about intent. A monitor whose run started after the record's last start belongs to
 * a start whose "running" the engine did not get to save; it is adopted, not ignored.
 */
final class RestorePlanner {
    private RestorePlanner() {
    }

    static List<RestoreStep> plan(Collection<ContainerRecord> records, Collection<MonitorStatus> held) {
        Map<String, MonitorStatus> monitors = held.stream()
                .collect(Collectors.toMap(MonitorStatus::containerId, Function.identity()));
        List<RestoreStep> steps = new ArrayList<>();
        for (ContainerRecord record : records) {
            MonitorStatus monitor = monitors.get(record.id());
            steps.add(new RestoreStep(record, monitor, decide(record, monitor)));
        }
        return steps;
    }

    static List<String> orphans(Collection<ContainerRecord> records, Collection<MonitorStatus> held) {
        Set<String> known = records.stream().map(ContainerRecord::id).collect(Collectors.toSet());
        return held.stream().map(MonitorStatus::containerId).filter(id -> !known.contains(id)).sorted().toList();
    }

    static Action decide(ContainerRecord record, MonitorStatus monitor) {
        ContainerStatus status = record.state().status();
        if (monitor == null) {
            return status == ContainerStatus.RUNNING ? Action.MARK_LOST
                    : removalUnfinished(record) ? Action.COMPLETE_REMOVAL : Action.KEEP;
        }
        if (monitor.running()) {
            return Action.ADOPT;
        }
        if (status == ContainerStatus.RUNNING || isNewer(monitor.startedAt(), record.state().startedAt())) {
            return Action.APPLY_EXIT;
        }
        return removalUnfinished(record) ? Action.COMPLETE_REMOVAL : Action.RELEASE_MONITOR;
    }

    /**
     * An {@code --rm} container whose exit is recorded still has a record only when the engine was killed before its
     * removal finished: a live exit records it and removes it in one go. A failed first start also records an exit
     * but no start; as in Docker, that container stays for the client to remove. (An {@code --rm} container never
     * starts a second time: its first exit removes it.) The times are not compared: a command that exits at once
     * ends before the engine notes its start.
     */
    private static boolean removalUnfinished(ContainerRecord record) {
        return record.spec().autoRemove() && record.state().status() == ContainerStatus.EXITED
                && record.state().startedAt() != null && record.state().finishedAt() != null;
    }

    private static boolean isNewer(Instant monitorStart, Instant recordStart) {
        return recordStart == null || (monitorStart != null && monitorStart.isAfter(recordStart));
    }
}
