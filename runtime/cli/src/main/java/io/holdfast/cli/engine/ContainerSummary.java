package io.holdfast.cli.engine;

import java.util.List;
import java.util.Map;

/** One entry of GET /containers/json. */
public record ContainerSummary(String id, List<String> names, String image, String command,
                               long created, String state, String status) {

    static ContainerSummary fromJson(Map<String, Object> json) {
        return new ContainerSummary(
                Json.string(json, "Id"), Json.strings(json, "Names"), Json.string(json, "Image"),
                Json.string(json, "Command"), Json.number(json, "Created"),
                Json.string(json, "State"), Json.string(json, "Status"));
    }
}
