package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /containers/{id}/exec}'s body (moby's {@code ExecConfig}), as the CLI writes it. */
public record ExecConfig(@JsonProperty("User") String user, @JsonProperty("Privileged") boolean privileged,
                         @JsonProperty("Tty") boolean tty, @JsonProperty("AttachStdin") boolean attachStdin,
                         @JsonProperty("AttachStderr") boolean attachStderr,
                         @JsonProperty("AttachStdout") boolean attachStdout, @JsonProperty("Detach") boolean detach,
                         @JsonProperty("DetachKeys") String detachKeys, @JsonProperty("Env") List<String> env,
                         @JsonProperty("WorkingDir") String workingDir, @JsonProperty("Cmd") List<String> cmd) {
}
