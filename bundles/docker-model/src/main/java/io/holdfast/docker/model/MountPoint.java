package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of a container's {@code Mounts} in inspect and list (moby's {@code types.MountPoint}). */
public record MountPoint(
        @JsonProperty("Type") String type,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation) {
}
