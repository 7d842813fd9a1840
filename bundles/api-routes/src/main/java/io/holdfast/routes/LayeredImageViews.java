package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.common.docker.DockerViews;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.StoredImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Inspect and history of an image made of layers (loaded or pulled): Docker's fields taken from its own config
 * document ({@code Config} as the image says it, with {@code ExposedPorts}, {@code Volumes}, {@code Healthcheck};
 * {@code RootFS.Layers} its diff ids; {@code Architecture}, {@code Os}, {@code Created}; {@code History}).
 */
final class LayeredImageViews {
    private LayeredImageViews() {
    }

    static JsonNode inspect(ImageRecord image, StoredImage stored) throws IOException {
        ObjectNode view = ApiExchange.JSON.valueToTree(DockerViews.imageInspect(image));
        JsonNode config = ApiExchange.JSON.readTree(stored.config());
        if (config.has("config")) {
            view.set("Config", config.get("config"));
            view.set("ContainerConfig", config.get("config"));
        }
        copy(config, "architecture", view, "Architecture");
        copy(config, "os", view, "Os");
        copy(config, "variant", view, "Variant");
        copy(config, "created", view, "Created");
        copy(config, "author", view, "Author");
        copy(config, "docker_version", view, "DockerVersion");
        view.put("Comment", "");
        ObjectNode rootfs = view.putObject("RootFS");
        rootfs.put("Type", "layers");
        ArrayNode layers = rootfs.putArray("Layers");
        stored.layers().forEach(l -> layers.add(l.diffId()));
        return view;
    }

    /** Newest first, as Docker: the top entry carries the image id and tags, the others {@code <missing>}. */
    static JsonNode history(ImageRecord image, StoredImage stored) throws IOException {
        JsonNode history = ApiExchange.JSON.readTree(stored.config()).path("history");
        ArrayNode entries = ApiExchange.JSON.createArrayNode();
        int layer = 0;
        List<StoredImage.LayerBlob> blobs = stored.layers();
        for (JsonNode h : history) {
            ObjectNode entry = ApiExchange.JSON.createObjectNode();
            entry.put("Id", "<missing>");
            entry.put("Created", h.hasNonNull("created") ? Instant.parse(h.get("created").asText()).getEpochSecond()
                    : 0);
            entry.put("CreatedBy", h.path("created_by").asText(""));
            entry.putArray("Tags");
            boolean empty = h.path("empty_layer").asBoolean(false);
            entry.put("Size", !empty && layer < blobs.size() ? blobs.get(layer++).size() : 0);
            entry.put("Comment", h.path("comment").asText(""));
            entries.insert(0, entry);
        }
        if (entries.isEmpty()) {
            return ApiExchange.JSON.valueToTree(DockerViews.history(image));
        }
        ObjectNode top = (ObjectNode) entries.get(0);
        top.put("Id", image.id());
        ArrayNode tags = top.putArray("Tags");
        image.repoTags().forEach(tags::add);
        return entries;
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String name) {
        if (from.hasNonNull(field)) {
            to.set(name, from.get(field));
        }
    }
}
