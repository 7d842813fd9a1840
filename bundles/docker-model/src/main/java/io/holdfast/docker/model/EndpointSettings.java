package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A container's endpoint on one network (moby's {@code network.EndpointSettings}), the fields Holdfast fills. */
public record EndpointSettings(
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("MacAddress") String macAddress) {
}
