package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One layer of {@code GET /images/{name}/history}, newest first (moby's {@code image.HistoryResponseItem}). */
public record ImageHistoryEntry(
        @JsonProperty("Id") String id,
        @JsonProperty("Created") long created,
        @JsonProperty("CreatedBy") String createdBy,
        @JsonProperty("Tags") List<String> tags,
        @JsonProperty("Size") long size,
        @JsonProperty("Comment") String comment) {
}
