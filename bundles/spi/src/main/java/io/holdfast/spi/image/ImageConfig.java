package io.holdfast.spi.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an image says about how its containers run, the defaults a create takes unless it says otherwise (Docker's
 * image {@code Config}): the command, entrypoint, environment, working directory, user, stop signal and labels.
 * An imported image gets them from {@code docker import --change 'CMD ["sh"]'}; none by default.
 *
 * <pre>{@code new ImageConfig(List.of("httpd", "-f"), List.of(), List.of("PORT=80"), "/www", "www", "", Map.of())}</pre>
 *
 * @param cmd        the default command (replaced by the create's); empty: none
 * @param entrypoint the default entrypoint (replaced by the create's, which also drops this command); empty: none
 * @param env        {@code KEY=VALUE}, under the create's own
 * @param workingDir the default working directory, absolute; empty: none
 * @param user       the default user; empty: root
 * @param stopSignal the default stop signal; empty: TERM
 * @param labels     labels every container of the image carries, under the create's own
 * @param healthcheck the health check its containers get unless the create says otherwise; {@code null}: none
 * @param exposedPorts the ports the image exposes ({@code EXPOSE}), as {@code PORT/PROTOCOL}; {@code -P} publishes
 *                   them; empty: none
 * @param volumes    the paths the image declares as volumes ({@code VOLUME}): each container gets an anonymous
 *                   volume there unless its create mounts something at that path; empty: none
 */
public record ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir,
                          String user, String stopSignal, Map<String, String> labels,
                          io.holdfast.spi.container.HealthConfig healthcheck, List<String> exposedPorts,
                          List<String> volumes) {
    public static final ImageConfig NONE = new ImageConfig(List.of(), List.of(), List.of(), "", "", "", Map.of());

    /** An image without a health check that exposes no port. */
    public ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir, String user,
                       String stopSignal, Map<String, String> labels) {
        this(cmd, entrypoint, env, workingDir, user, stopSignal, labels, null, null, null);
    }

    /** An image that exposes no port. */
    public ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir, String user,
                       String stopSignal, Map<String, String> labels, io.holdfast.spi.container.HealthConfig healthcheck) {
        this(cmd, entrypoint, env, workingDir, user, stopSignal, labels, healthcheck, null, null);
    }

    /** An image that declares no volume. */
    public ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir, String user,
                       String stopSignal, Map<String, String> labels, io.holdfast.spi.container.HealthConfig healthcheck,
                       List<String> exposedPorts) {
        this(cmd, entrypoint, env, workingDir, user, stopSignal, labels, healthcheck, exposedPorts, null);
    }

    public ImageConfig {
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        for (String path : volumes) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("volume \"" + path + "\": expected an absolute path");
            }
        }
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        env = env == null ? List.of() : List.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        stopSignal = stopSignal == null ? "" : stopSignal;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Whether the image says anything at all. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
