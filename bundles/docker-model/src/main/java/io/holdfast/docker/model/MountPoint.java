package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a container's {@code Mounts} in inspect and list (moby's {@code types.MountPoint}); {@code Name} and
 * {@code Driver} only for volumes, left out otherwise as moby's {@code omitempty}.
 */
public record MountPoint(
        @JsonProperty("Type") String type,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation,
        @JsonProperty("Name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
        @JsonProperty("Driver") @JsonInclude(JsonInclude.Include.NON_EMPTY) String driver) {

    /** A bind or tmpfs mount: no volume name or driver. */
    public MountPoint(String type, String source, String destination, String mode, boolean rw, String propagation) {
        this(type, source, destination, mode, rw, propagation, null, null);
    }
}
