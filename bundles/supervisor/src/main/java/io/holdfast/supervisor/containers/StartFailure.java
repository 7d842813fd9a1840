package io.holdfast.supervisor.containers;

import java.util.Locale;

/**
 * Docker's exit codes for a process the runtime could not start ({@code translateContainerdStartErr}): 127 when the
 * executable is not there, 126 when it cannot be run, and 126 for any other failure of an exec start.
 */
final class StartFailure {
    private StartFailure() {
    }

    static int exitCode(String runtimeMessage) {
        String message = runtimeMessage == null ? "" : runtimeMessage.toLowerCase(Locale.ROOT);
        if (isPermission(message)) {
            return 126;
        }
        if (message.contains("executable file not found") || message.contains("no such file or directory")) {
            return 127;
        }
        return 126;
    }

    static boolean isPermission(String runtimeMessage) {
        return runtimeMessage != null && runtimeMessage.toLowerCase(Locale.ROOT).contains("permission denied");
    }
}
