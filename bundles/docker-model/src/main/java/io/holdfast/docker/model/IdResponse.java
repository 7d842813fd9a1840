package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** moby's {@code IDResponse}: {@code POST /containers/{id}/exec}'s 201 answer. */
public record IdResponse(@JsonProperty("Id") String id) {
}
