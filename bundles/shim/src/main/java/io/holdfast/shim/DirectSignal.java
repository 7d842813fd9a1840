package io.holdfast.shim;

import io.holdfast.common.signal.Signals;
import java.util.Optional;

/**
 * SIGTERM and SIGKILL, the signals of every {@code stop}, sent by the engine itself rather than by a {@code runc kill}
 * process: spawning from a JVM costs more the more descriptors it holds (72 ms a spawn with 10,000 held requests,
 * measured), and a stop sends one or two. {@code runc kill ID SIG} signals the container's init and nothing else, so
 * this does the same; any other signal still goes through the runtime.
 *
 * <p>A pid may be reused once its process is reaped: the signal goes only to the process whose start time the
 * monitor recorded, and {@link ProcessHandle}'s own check of the start time it saw covers the instant between.
 */
final class DirectSignal {
    private DirectSignal() {
    }

    /**
     * Sends {@code signal} to the container's init when it is TERM or KILL and that process is still the one
     * recorded; false when the runtime must send it (another signal, or the recorded process is not there).
     */
    static boolean send(MonitorRecord container, String signal) {
        Optional<Integer> number = Signals.find(signal);
        if (number.isEmpty() || (number.get() != Signals.TERM && number.get() != Signals.KILL)) {
            return false;
        }
        Optional<ProcessHandle> init = ProcessHandle.of(container.pid());
        if (init.isEmpty() || !ProcessProbe.isSame(container.pid(), container.pidStart())) {
            return false;
        }
        return number.get() == Signals.KILL ? init.get().destroyForcibly() : init.get().destroy();
    }
}
