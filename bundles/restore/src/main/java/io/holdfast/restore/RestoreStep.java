package io.holdfast.restore;

/**
 * What the restore does with one container, decided from its record and what its monitor holds.
 *
 * @param containerId the container
 * @param action      the step to take
 */
record RestoreStep(String containerId, Action action) {

    enum Action {
        /** The monitor's container runs: adopt it with the monitor's pid. */
        ADOPT,
        /** The monitor saw a run end that the record does not know of: apply that exit. */
        APPLY_EXIT,
        /** The record says running, but no monitor holds it: it is lost. */
        MARK_LOST,
        /** The record already has this exit (a crash came between saving it and freeing the monitor): free it. */
        RELEASE_MONITOR,
        /** Nothing happened to it while the engine was away. */
        KEEP
    }
}
