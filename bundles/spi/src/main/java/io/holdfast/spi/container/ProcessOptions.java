package io.holdfast.spi.container;

import java.util.List;
import java.util.Locale;

/**
 * How the container's process is run: Docker's {@code Entrypoint}, {@code WorkingDir}, {@code User},
 * {@code StopSignal}, {@code HostConfig.Init} and {@code HostConfig.Ulimits}. The command itself is
 * {@link ContainerSpec#cmd()}; the process runs {@code entrypoint + cmd}.
 *
 * <pre>{@code new ProcessOptions(List.of("/bin/sh", "-c"), "/srv", "1000:1000", "SIGUSR1", true, List.of())}</pre>
 *
 * @param entrypoint the executable and its first arguments, put in front of the command; empty: none
 * @param workingDir the process's working directory, absolute; empty: {@code /}
 * @param user       {@code name}, {@code uid}, {@code name:group}, {@code uid:gid} (mixed forms too), resolved
 *                   against the container's own {@code /etc/passwd} and {@code /etc/group} at each start; empty: root
 * @param stopSignal the signal {@code stop} sends first, a name ({@code TERM}, {@code SIGTERM}) or a number; empty:
 *                   {@code TERM}
 * @param init       run a minimal init (tini) as pid 1 that reaps zombies and forwards signals to the command
 * @param ulimits    resource limits (rlimits) the process starts with
 * @param tty        the process gets a pseudo-terminal (Docker's {@code Tty}) that its monitor holds: stdout and
 *                   stderr are one stream, kept in the log as the terminal wrote it, and a client can resize it
 * @param consoleSize with {@code tty}: the terminal's size when the process starts, {@code [height, width]}
 *                   (Docker's {@code HostConfig.ConsoleSize}); empty: the runtime's default until a client resizes
 */
public record ProcessOptions(List<String> entrypoint, String workingDir, String user, String stopSignal, boolean init,
                             List<Ulimit> ulimits, boolean tty, List<Integer> consoleSize) {
    public static final ProcessOptions DEFAULT = new ProcessOptions(List.of(), "", "", "", false, List.of());

    /** A process without a terminal. */
    public ProcessOptions(List<String> entrypoint, String workingDir, String user, String stopSignal, boolean init,
                          List<Ulimit> ulimits) {
        this(entrypoint, workingDir, user, stopSignal, init, ulimits, false);
    }

    /** A process whose terminal, if any, starts at the runtime's default size. */
    public ProcessOptions(List<String> entrypoint, String workingDir, String user, String stopSignal, boolean init,
                          List<Ulimit> ulimits, boolean tty) {
        this(entrypoint, workingDir, user, stopSignal, init, ulimits, tty, List.of());
    }

    public ProcessOptions {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        stopSignal = stopSignal == null ? "" : stopSignal.toUpperCase(Locale.ROOT);
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        consoleSize = consoleSize == null || consoleSize.stream().allMatch(n -> n == null || n == 0) ? List.of()
                : List.copyOf(consoleSize);
        if (!consoleSize.isEmpty() && (consoleSize.size() != 2 || consoleSize.stream().anyMatch(n -> n < 0))) {
            throw new IllegalArgumentException("console size " + consoleSize + ": expected [height, width]");
        }
        if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw new IllegalArgumentException("working directory \"" + workingDir
                    + "\" is invalid: it needs to be an absolute path");
        }
        if (!stopSignal.isEmpty() && !stopSignal.matches("(SIG)?[A-Z0-9+-]+")) {
            throw new IllegalArgumentException("stop signal \"" + stopSignal + "\": expected a name such as TERM or a number");
        }
        if (user.contains("\n") || user.contains(" ") || user.startsWith(":") || user.endsWith(":")) {
            throw new IllegalArgumentException("user \"" + user + "\": expected name, uid, name:group or uid:gid");
        }
        if (ulimits.stream().map(Ulimit::name).distinct().count() != ulimits.size()) {
            throw new IllegalArgumentException("ulimits: a limit is given twice: " + ulimits);
        }
    }

    /** The signal for {@code stop}, without Docker's optional {@code SIG} prefix. */
    public String stopSignalOrDefault() {
        return stopSignal.isEmpty() ? "TERM" : stopSignal.replaceFirst("^SIG", "");
    }
}
