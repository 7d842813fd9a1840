package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /containers/{id}/changes}: {@code Kind} 0 modified, 1 added, 2 deleted. */
public record ContainerChange(@JsonProperty("Path") String path, @JsonProperty("Kind") int kind) {
}
