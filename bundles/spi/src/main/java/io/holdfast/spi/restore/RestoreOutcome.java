package io.holdfast.spi.restore;

/** What a restore did with one container. */
public enum RestoreOutcome {
    /** Still running under its monitor: adopted with the same pid. */
    ADOPTED,
    /** Exited while the engine was down; its real exit code and time were recorded. */
    EXITED_WHILE_DOWN,
    /** Exited while the engine was down and was started again by its restart policy. */
    RESTARTED,
    /** Exited while the engine was down and was removed ({@code --rm}). */
    REMOVED,
    /** Created but never started; left as it was. */
    UNCHANGED,
    /** Recorded as running but no monitor holds it and no exit was recorded (e.g. after a reboot). */
    LOST,
    /**
     * Left exactly as it is, not adopted: a plugin it needs is not installed. It keeps running; the restore runs
     * again, and adopts it, when the plugin appears (e.g. dropped into {@code deploy/}).
     */
    NEEDS_ATTENTION,
    /** Stopped by the operator instead of adopted (see {@code RestoreControl#stop}). */
    STOPPED
}
