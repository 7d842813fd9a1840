package io.holdfast.spi.restore;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The restore, provided by the restore bundle: run one, see what one would do, and decide for
 * the containers it will not adopt on its own (a plugin missing, settings changed since they were created) and for
 * orphans. Absent for a moment while the restore bundle is swapped.
 *
 * <pre>{@code
 * RestorePlan plan = control.plan();
 * control.adopt("3f2a");           // accept it under today's settings
 * control.stop("orphan-id", Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Every method runs alone with respect to restores; each may block on plugins, monitors and disk. Containers are
 * named by id, unique id prefix or name; orphans by id or unique id prefix. Failures are
 * {@code EngineException}s: {@code NOT_FOUND} for an unknown container, {@code CONFLICT} when it cannot be done now.
 */
@ProviderType
public interface RestoreControl {

    /**
     * Runs a restore now: the plugins that arrived since their last restore first, then every container by its plan;
     * hands the report to the supervisor ({@link RestoreTarget#restoreCompleted}) and returns it. The supervisor,
     * which owns the shim and plugin bindings, calls it when this service, the shim or a plugin arrives; the
     * operator's decisions call it too. Blocks on plugins, monitors and disk.
     */
    RestoreReport restore();

    /** What a restore would do now; changes nothing. */
    RestorePlan plan();

    /**
     * Adopts a container the restore left for the operator, under today's settings: they become the settings it is
     * compared with from now on. A container whose plugin is missing cannot be adopted. Returns its new entry.
     */
    RestoreEntry adopt(String container);

    /**
     * Stops a container the restore left for the operator (SIGTERM, SIGKILL after {@code timeout}) and records its
     * exit, or, for an orphan, kills it and releases its monitor. Returns what was done.
     */
    RestoreEntry stop(String container, Duration timeout);
}
