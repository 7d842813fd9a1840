package io.holdfast.spi.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorStatus;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The supervisor's side of a restore. The restore bundle decides what happened to each container while the engine
 * was away; the supervisor applies it, with the same rules ({@code --rm}, restart policies) as for a live exit.
 *
 * <p>The supervisor owns the bindings a restore depends on (the shim, storage drivers, network bridges) and asks for
 * a restore ({@link RestoreControl#restore}) whenever one of them arrives; the restore bundle binds none of them, so
 * the two never disagree about which shim or plugin is there. The supervisor keeps its API closed until the first
 * {@link #restoreCompleted} so that the first answer a client gets is already true.
 */
@ProviderType
public interface RestoreTarget {

    /** Every container record found on disk. */
    List<ContainerRecord> records();

    /**
     * The container directories whose record could not be read when the supervisor loaded them (corrupt, or written
     * by a newer engine), by container id, each with what is wrong and where the record is now. They are reported as
     * needing attention; the rest restore as usual. Never blocks.
     */
    Map<String, String> unreadableRecords();

    /**
     * The shim, as the supervisor has it bound now: the restore reads and releases monitors through it, never through
     * a binding of its own. Its calls fail with a {@code MonitorException} while no shim is bound.
     */
    ContainerMonitor monitor();

    /**
     * The first step of a restore: hands each storage driver and network bridge that arrived since its last restore
     * the containers that use it (see their {@code restore} methods), so mounts, links and leases are checked before
     * any container is adopted; each plugin is restored exactly once per arrival. Returns what every installed
     * plugin said at its restore.
     */
    List<PluginCheck> restorePlugins();

    /** Every installed storage driver and network bridge with its settings; touches nothing. Never blocks. */
    List<PluginCheck> plugins();

    /**
     * The operator accepted the container under today's settings (see {@code ContainerRecord.environment}): record
     * {@code environment} as the one it now runs under, so later restores compare against it.
     */
    void acceptEnvironment(String containerId, Map<String, String> environment);

    /** The container is still running under {@code monitor}: record it as running with the monitor's pid. */
    void adopt(String containerId, MonitorStatus monitor);

    /**
     * The container exited while the engine was away: record the exit, then apply {@code --rm} or the restart
     * policy. Returns what was done: {@link RestoreOutcome#EXITED_WHILE_DOWN}, {@code RESTARTED} or {@code REMOVED}.
     */
    RestoreOutcome exitedWhileDown(MonitorStatus ended);

    /**
     * The container exited and was started with {@code --rm}, but its removal did not finish (the engine was killed
     * between recording the exit and removing it): remove it now, with everything it owns. Each step of a removal
     * may already have been done; none fails for that.
     */
    void completeRemoval(String containerId);

    /** No monitor holds the container and no exit was recorded: mark it exited with {@code reason}. */
    void lost(String containerId, String reason);

    /** Restore is over: publish the report and open the API. */
    void restoreCompleted(RestoreReport report);
}
