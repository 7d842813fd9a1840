package io.holdfast.spi.container;

import java.util.List;

/**
 * What a client asks to run in a running container: Docker's exec create body.
 *
 * @param cmd          the command and its arguments; never empty
 * @param env          {@code KEY=VALUE} entries that replace or add to the container's environment; a bare
 *                     {@code KEY} removes it
 * @param workingDir   an absolute path, or empty for the container's working directory
 * @param user         {@code user}, {@code user:group}, {@code uid} or {@code uid:gid}, or empty for the container's
 * @param tty          a pseudo-terminal was asked for
 * @param attachStdin  the client wants to write to the process's stdin
 * @param attachStdout the client wants the process's stdout
 * @param attachStderr the client wants the process's stderr
 * @param privileged   the process gets every capability
 * @param detachKeys   the key sequence that detaches an attached client ({@code ctrl-p,ctrl-q}), or empty
 */
public record ExecSpec(List<String> cmd, List<String> env, String workingDir, String user, boolean tty,
                       boolean attachStdin, boolean attachStdout, boolean attachStderr, boolean privileged,
                       String detachKeys) {

    public ExecSpec {
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        detachKeys = detachKeys == null ? "" : detachKeys;
    }
}
