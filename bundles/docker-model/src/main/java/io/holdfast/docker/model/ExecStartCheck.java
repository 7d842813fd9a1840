package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /exec/{id}/start}'s body. */
public record ExecStartCheck(@JsonProperty("Detach") boolean detach, @JsonProperty("Tty") boolean tty) {
}
