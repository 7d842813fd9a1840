package io.holdfast.cli.engine;

import java.util.List;
import java.util.Map;

/** One entry of GET /images/json. */
public record ImageSummary(String id, List<String> repoTags, long created, long size) {

    static ImageSummary fromJson(Map<String, Object> json) {
        return new ImageSummary(Json.string(json, "Id"), Json.strings(json, "RepoTags"),
                Json.number(json, "Created"), Json.number(json, "Size"));
    }
}
