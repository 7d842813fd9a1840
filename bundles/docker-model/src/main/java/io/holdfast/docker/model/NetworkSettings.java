package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A container's {@code NetworkSettings} in inspect: the default endpoint at top level and every network by name. */
public record NetworkSettings(
        @JsonProperty("SandboxKey") String sandboxKey,
        @JsonProperty("Ports") Map<String, Object> ports,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("Networks") Map<String, EndpointSettings> networks) {
}
