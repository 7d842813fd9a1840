package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code Config}: the container's portable settings, as inspect shows them and as the top level of a
 * create request carries them (moby's {@code container.Config}). {@code null} lists mean "the image's default".
 */
public record ContainerConfig(
        @JsonProperty("Hostname") String hostname,
        @JsonProperty("Domainname") String domainname,
        @JsonProperty("User") String user,
        @JsonProperty("AttachStdin") boolean attachStdin,
        @JsonProperty("AttachStdout") boolean attachStdout,
        @JsonProperty("AttachStderr") boolean attachStderr,
        @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
        @JsonProperty("Tty") boolean tty,
        @JsonProperty("OpenStdin") boolean openStdin,
        @JsonProperty("StdinOnce") boolean stdinOnce,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Image") String image,
        @JsonProperty("Volumes") Map<String, Object> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") String stopSignal,
        @JsonProperty("StopTimeout") Integer stopTimeout,
        @JsonProperty("Healthcheck") @JsonInclude(JsonInclude.Include.NON_NULL) HealthcheckConfig healthcheck) {

    /** A config without a health check. */
    public ContainerConfig(String hostname, String domainname, String user, boolean attachStdin, boolean attachStdout,
                           boolean attachStderr, Map<String, Object> exposedPorts, boolean tty, boolean openStdin,
                           boolean stdinOnce, List<String> env, List<String> cmd, String image,
                           Map<String, Object> volumes, String workingDir, List<String> entrypoint,
                           Map<String, String> labels, String stopSignal, Integer stopTimeout) {
        this(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty, openStdin,
                stdinOnce, env, cmd, image, volumes, workingDir, entrypoint, labels, stopSignal, stopTimeout, null);
    }

    /** The same config with {@code check} as its health check ({@code null}: none). */
    public ContainerConfig withHealthcheck(HealthcheckConfig check) {
        return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts,
                tty, openStdin, stdinOnce, env, cmd, image, volumes, workingDir, entrypoint, labels, stopSignal,
                stopTimeout, check);
    }
}
