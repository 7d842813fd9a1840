package io.holdfast.spi.monitor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when a held container exits. The shim also tells each newly registered listener about
 * every held container that has already exited, so an exit that happened while the listener was away (the engine
 * restarting, a bundle being swapped) still arrives. Listeners must therefore be idempotent.
 *
 * <p>Called on a shim thread; implementations must not block for long (hand off slow work).
 */
@ConsumerType
public interface MonitorExitListener {
    /**
     * The run described by {@code ended} is over; {@code ended.exit()} says how. The pid and start time identify
     * the run, so a late report about an earlier run can be told from the current one.
     */
    void exited(MonitorStatus ended);
}
