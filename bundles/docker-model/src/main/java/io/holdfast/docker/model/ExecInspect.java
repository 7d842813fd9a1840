package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /exec/{id}/json} (moby's {@code backend.ExecInspect}). {@code ExitCode} is {@code null} until the process
 * has ended; {@code DetachKeys} is the key sequence's bytes, base64-encoded as Go encodes a {@code []byte}.
 */
public record ExecInspect(@JsonProperty("ID") String id, @JsonProperty("Running") boolean running,
                          @JsonProperty("ExitCode") Integer exitCode,
                          @JsonProperty("ProcessConfig") ProcessConfig processConfig,
                          @JsonProperty("OpenStdin") boolean openStdin, @JsonProperty("OpenStderr") boolean openStderr,
                          @JsonProperty("OpenStdout") boolean openStdout, @JsonProperty("CanRemove") boolean canRemove,
                          @JsonProperty("ContainerID") String containerId,
                          @JsonProperty("DetachKeys") String detachKeys, @JsonProperty("Pid") long pid) {

    /** moby's {@code ExecProcessConfig}; {@code user} is left out when empty, as Go's {@code omitempty} does. */
    public record ProcessConfig(@JsonProperty("tty") boolean tty, @JsonProperty("entrypoint") String entrypoint,
                                @JsonProperty("arguments") List<String> arguments,
                                @JsonProperty("privileged") boolean privileged,
                                @JsonProperty("user") @JsonInclude(JsonInclude.Include.NON_EMPTY) String user) {
    }
}
