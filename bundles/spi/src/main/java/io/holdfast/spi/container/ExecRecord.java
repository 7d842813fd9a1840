package io.holdfast.spi.container;

import java.time.Instant;

/**
 * Everything the engine knows about one exec: what was asked, and how far it got. Persisted beside its container's
 * state and removed with the container.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this engine
 * @param id            64 hex characters
 * @param containerId   the container it runs in
 * @param spec          what the client asked for
 * @param created       when it was created
 * @param logPath       the log its monitor writes the process's output to
 * @param running       it has started and not yet ended
 * @param pid           the process on the host once started, else 0
 * @param exitCode      how it ended, or {@code null} while it has not (Docker's {@code ExitCode: null})
 * @param startedAt     when it started, or {@code null}
 * @param finishedAt    when it ended, or {@code null}
 * @param error         why it could not start or why its end is not known, or the empty string
 */
public record ExecRecord(int schemaVersion, String id, String containerId, ExecSpec spec, Instant created,
                         String logPath, boolean running, long pid, Integer exitCode, Instant startedAt,
                         Instant finishedAt, String error) {
    public static final int SCHEMA_VERSION = 1;

    public ExecRecord {
        error = error == null ? "" : error;
    }

    /** A new exec that has not been started. */
    public static ExecRecord created(String id, String containerId, ExecSpec spec, Instant created, String logPath) {
        return new ExecRecord(SCHEMA_VERSION, id, containerId, spec, created, logPath, false, 0, null, null, null,
                "");
    }

    /** Whether it was ever started (it may have ended since). */
    public boolean started() {
        return startedAt != null || exitCode != null;
    }

    public ExecRecord startedAs(long newPid, Instant at) {
        return new ExecRecord(schemaVersion, id, containerId, spec, created, logPath, true, newPid, null, at, null,
                "");
    }

    public ExecRecord exited(int code, Instant at, String why) {
        return new ExecRecord(schemaVersion, id, containerId, spec, created, logPath, false, pid, code, startedAt,
                at, why);
    }
}
