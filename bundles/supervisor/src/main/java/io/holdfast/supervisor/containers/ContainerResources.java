package io.holdfast.supervisor.containers;

import io.holdfast.common.process.Command;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStats;
import io.holdfast.spi.container.ContainerTop;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.supervisor.resources.PsTable;
import io.holdfast.supervisor.resources.StatsReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** What a running container uses: its processes ({@code top}) and a resource sample ({@code stats}). */
final class ContainerResources {
    private static final Duration PS_TIMEOUT = Duration.ofSeconds(30);

    private final ContainerMonitor monitor;
    private final StatsReader stats = new StatsReader();

    ContainerResources(ContainerMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * Moby's top: the runtime lists the container's pids, {@code ps} runs on the host with the caller's arguments
     * and {@code -q <pids>} (again without, for a {@code ps} that refuses {@code -q}), and only their rows are kept.
     */
    ContainerTop top(ContainerRecord record, String psArgs) {
        requireRunning(record);
        List<String> args;
        try {
            args = PsTable.arguments(psArgs);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
        List<Long> pids;
        try {
            pids = monitor.processes(record.id());
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, "cannot list the processes of " + record.shortId() + ": "
                    + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>(List.of("ps"));
        argv.addAll(args);
        List<String> quick = new ArrayList<>(argv);
        quick.add("-q");
        quick.add(String.join(",", pids.stream().map(String::valueOf).toList()));
        try {
            Command.Result result = Command.run(quick, PS_TIMEOUT);
            if (!result.ok()) {
                result = Command.run(argv, PS_TIMEOUT);
            }
            if (!result.ok()) {
                throw new EngineException(Kind.FAILED, "Error running ps: " + result.describe());
            }
            return PsTable.parse(result.stdout(), new HashSet<>(pids));
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "Error running ps: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.FAILED, e.getMessage(), e);
        }
    }

    ContainerStats stats(ContainerRecord record) {
        requireRunning(record);
        try {
            return stats.read(record.state().pid());
        } catch (IOException e) {
            throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is not running (its process "
                    + record.state().pid() + " is gone: " + e.getMessage() + ")", e);
        }
    }

    private static void requireRunning(ContainerRecord record) {
        if (!record.state().running()) {
            throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is not running");
        }
    }
}
