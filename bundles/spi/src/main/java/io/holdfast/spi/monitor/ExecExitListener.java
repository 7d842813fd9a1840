package io.holdfast.spi.monitor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when a held exec'd process exits, like {@link MonitorExitListener} for containers: each
 * newly registered listener also hears of every held exec that has already exited (one that ended while the engine
 * was down included), so listeners must be idempotent.
 *
 * <p>Called on a shim thread; implementations must not block for long.
 */
@ConsumerType
public interface ExecExitListener {
    /** The exec described by {@code ended} is over; {@code ended.exit()} says how. */
    void execExited(ExecStatus ended);
}
