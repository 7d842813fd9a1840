package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /containers/json} (moby's {@code types.Container}). */
public record ContainerSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("Names") List<String> names,
        @JsonProperty("Image") String image,
        @JsonProperty("ImageID") String imageId,
        @JsonProperty("Command") String command,
        @JsonProperty("Created") long created,
        @JsonProperty("Ports") List<Object> ports,
        /** Only with {@code size=1}. */
        @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
        /** Only with {@code size=1}: the container's layer and its image's. */
        @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("State") String state,
        @JsonProperty("Status") String status,
        @JsonProperty("HostConfig") SummaryHostConfig hostConfig,
        @JsonProperty("NetworkSettings") SummaryNetworkSettings networkSettings,
        @JsonProperty("Mounts") List<MountPoint> mounts) {

    /** The name without Docker's leading slash. */
    public String name() {
        return names == null || names.isEmpty() ? "" : names.get(0).replaceFirst("^/", "");
    }

    public record SummaryHostConfig(@JsonProperty("NetworkMode") String networkMode) {
    }

    public record SummaryNetworkSettings(@JsonProperty("Networks") Map<String, EndpointSettings> networks) {
    }
}
