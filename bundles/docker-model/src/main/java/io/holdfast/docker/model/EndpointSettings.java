package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A container's endpoint on one network (moby's {@code network.EndpointSettings}), the fields Holdfast fills.
 * {@code NetworkID}, {@code Aliases} and {@code EndpointID} are set on user-defined networks only (null, and left out, elsewhere).
 */
public record EndpointSettings(
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("MacAddress") String macAddress,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("NetworkID") String networkId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Aliases") List<String> aliases,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("EndpointID") String endpointId) {

    /** An endpoint on a network that is not user-defined. */
    public EndpointSettings(String ipAddress, int ipPrefixLen, String gateway, String macAddress) {
        this(ipAddress, ipPrefixLen, gateway, macAddress, null, null, null);
    }

    /** An endpoint without an {@code EndpointID}. */
    public EndpointSettings(String ipAddress, int ipPrefixLen, String gateway, String macAddress, String networkId,
                            List<String> aliases) {
        this(ipAddress, ipPrefixLen, gateway, macAddress, networkId, aliases, null);
    }
}
