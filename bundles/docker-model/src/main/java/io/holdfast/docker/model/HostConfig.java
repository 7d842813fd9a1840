package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code HostConfig}: the settings that depend on this host, as inspect shows them and a create request
 * carries them (moby's {@code container.HostConfig}), the fields Holdfast knows of.
 */
public record HostConfig(
        @JsonProperty("Binds") List<String> binds,
        @JsonProperty("LogConfig") LogConfig logConfig,
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
        @JsonProperty("AutoRemove") boolean autoRemove,
        @JsonProperty("Runtime") String runtime) {

    public record RestartPolicy(@JsonProperty("Name") String name,
                                @JsonProperty("MaximumRetryCount") int maximumRetryCount) {
    }

    /** How the container's output is logged; Holdfast's monitors write one format, shown as Docker's json-file. */
    public record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
    }
}
