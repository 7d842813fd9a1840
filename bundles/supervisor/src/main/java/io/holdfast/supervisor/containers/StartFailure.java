package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.RunState;
import java.util.Locale;

/**
 * Why a start failed, read from the runtime's message as moby reads containerd's ({@code setExitCodeFromError}):
 * a command that cannot be run gives 126, one that is not there 127, both answered as the caller's mistake (400);
 * anything else gives 128 and is the engine's failure (500).
 *
 * @param exitCode the container's {@code State.ExitCode} from now on
 * @param kind     how the start call answers
 * @param message  the runtime's message, with moby's hint for a mount onto the wrong kind of file
 */
record StartFailure(int exitCode, Kind kind, String message) {

    static StartFailure of(String runtimeMessage) {
        String message = runtimeMessage == null ? "" : runtimeMessage;
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied") || lower.contains("is a directory")) {
            return new StartFailure(RunState.EXIT_COMMAND_NOT_INVOCABLE, Kind.INVALID, message);
        }
        if (lower.contains("not a directory")) {
            return new StartFailure(RunState.EXIT_COMMAND_NOT_FOUND, Kind.INVALID, message + ": Are you trying to "
                    + "mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is "
                    + "the expected type");
        }
        if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
            return new StartFailure(RunState.EXIT_COMMAND_NOT_FOUND, Kind.INVALID, message);
        }
        return new StartFailure(RunState.EXIT_START_FAILED, Kind.FAILED, message);
    }
}
