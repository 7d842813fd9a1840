package io.holdfast.spi.container;

import java.util.List;

/**
 * What a user asks for when creating a container: Docker's {@code Config} and {@code HostConfig}, the parts Holdfast
 * supports.
 *
 * @param name        the unique name, or {@code null} to have one generated
 * @param image       the image reference as the user wrote it, e.g. {@code busybox:latest}
 * @param cmd         the command and its arguments; empty means the image default ({@code /bin/sh})
 * @param env         {@code KEY=VALUE} entries
 * @param restartPolicy when the engine starts the container again after it exits
 * @param autoRemove  remove the container once it has exited ({@code --rm})
 * @param networkMode the network bridge's name, e.g. {@code none}
 * @param runtime     the OCI runtime's name from daemon.json, or {@code null} for the default
 * @param stopTimeoutSeconds seconds between SIGTERM and SIGKILL on stop
 */
public record ContainerSpec(String name, String image, List<String> cmd, List<String> env,
                            RestartPolicy restartPolicy, boolean autoRemove, String networkMode,
                            String runtime, int stopTimeoutSeconds) {
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 10;

    public ContainerSpec {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an image is required");
        }
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
        restartPolicy = restartPolicy == null ? RestartPolicy.NONE : restartPolicy;
        if (autoRemove && !restartPolicy.name().equals(RestartPolicy.NO)) {
            throw new IllegalArgumentException("conflicting options: --restart " + restartPolicy + " and --rm");
        }
        for (String e : env) {
            if (e.isEmpty() || e.startsWith("=")) {
                throw new IllegalArgumentException("environment entry \"" + e + "\": expected KEY=VALUE");
            }
        }
        if (stopTimeoutSeconds < 0) {
            throw new IllegalArgumentException("stop timeout must be >= 0 seconds, got " + stopTimeoutSeconds);
        }
    }
}
