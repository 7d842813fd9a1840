package io.holdfast.images.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.PortOptions;
import io.holdfast.spi.image.ImageConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two JSON documents an image is made of: its manifest (Docker schema 2 or OCI: a config and an ordered
 * list of layer blobs) and its config (Docker's / OCI's image config: {@code config}, {@code rootfs.diff_ids},
 * {@code created}, {@code architecture}, {@code os}). Malformed input is {@code INVALID}, naming the field.
 */
public final class ImageDocuments {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob a manifest names. */
    public record Descriptor(String mediaType, String digest, long size) {
    }

    /** A parsed manifest. */
    public record Manifest(String mediaType, Descriptor config, List<Descriptor> layers) {
    }

    /** The parts of a config the store uses. */
    public record Config(List<String> diffIds, Instant created, ImageConfig defaults) {
    }

    private ImageDocuments() {
    }

    public static Manifest manifest(byte[] bytes) {
        JsonNode root = parse(bytes, "manifest");
        if (root.path("schemaVersion").asInt() != 2) {
            throw invalid("manifest", "schemaVersion must be 2");
        }
        String mediaType = root.path("mediaType").asText(OCI_MANIFEST);
        if (!mediaType.equals(DOCKER_MANIFEST) && !mediaType.equals(OCI_MANIFEST)) {
            throw invalid("manifest", "mediaType " + mediaType + " is not an image manifest (a manifest list or "
                    + "index names manifests, not layers)");
        }
        Descriptor config = descriptor(root.path("config"), "config");
        List<Descriptor> layers = new ArrayList<>();
        JsonNode list = root.path("layers");
        if (!list.isArray()) {
            throw invalid("manifest", "layers must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            layers.add(descriptor(list.get(i), "layers[" + i + "]"));
        }
        return new Manifest(mediaType, config, layers);
    }

    public static Config config(byte[] bytes) {
        JsonNode root = parse(bytes, "image config");
        JsonNode ids = root.path("rootfs").path("diff_ids");
        if (!ids.isArray()) {
            throw invalid("image config", "rootfs.diff_ids must be an array");
        }
        List<String> diffIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            diffIds.add(Digests.check(ids.get(i).asText(), "image config rootfs.diff_ids[" + i + "]"));
        }
        Instant created = null;
        if (root.hasNonNull("created")) {
            try {
                created = Instant.parse(root.get("created").asText());
            } catch (DateTimeParseException e) {
                throw invalid("image config", "created is not a time: " + root.get("created").asText());
            }
        }
        JsonNode c = root.path("config");
        ImageConfig defaults = new ImageConfig(strings(c.path("Cmd")), strings(c.path("Entrypoint")),
                strings(c.path("Env")), c.path("WorkingDir").asText(""), c.path("User").asText(""),
                c.path("StopSignal").asText(""), labels(c.path("Labels")), healthcheck(c.path("Healthcheck")),
                exposedPorts(c.path("ExposedPorts")), volumes(c.path("Volumes")));
        return new Config(diffIds, created, defaults);
    }

    /** The config's {@code Healthcheck} (durations in nanoseconds), which its containers take; null: none. */
    private static HealthConfig healthcheck(JsonNode check) {
        if (!check.isObject()) {
            return null;
        }
        try {
            return new HealthConfig(strings(check.path("Test")), nanos(check, "Interval"), nanos(check, "Timeout"),
                    nanos(check, "StartPeriod"), nanos(check, "StartInterval"), check.path("Retries").asInt(0));
        } catch (IllegalArgumentException e) {
            throw invalid("image config", "config.Healthcheck: " + e.getMessage());
        }
    }

    private static Duration nanos(JsonNode check, String field) {
        return Duration.ofNanos(check.path(field).asLong(0));
    }

    /** The keys of {@code Volumes} ({@code "/data": {}}), absolute paths. */
    private static List<String> volumes(JsonNode declared) {
        List<String> paths = new ArrayList<>();
        declared.fieldNames().forEachRemaining(paths::add);
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw invalid("image config", "config.Volumes: \"" + path + "\" is not an absolute path");
            }
        }
        return paths;
    }

    /** The keys of {@code ExposedPorts} ({@code "80/tcp": {}}), checked as a create's. */
    private static List<String> exposedPorts(JsonNode exposed) {
        List<String> ports = new ArrayList<>();
        exposed.fieldNames().forEachRemaining(ports::add);
        try {
            return new PortOptions(null, ports, false).exposed();
        } catch (IllegalArgumentException e) {
            throw invalid("image config", "config.ExposedPorts: " + e.getMessage());
        }
    }

    /** The config document as a tree, for inspect. */
    public static JsonNode tree(byte[] bytes) {
        return parse(bytes, "image config");
    }

    private static Descriptor descriptor(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid("manifest", where + " must be an object");
        }
        return new Descriptor(node.path("mediaType").asText(""), Digests.check(node.path("digest").asText(null),
                "manifest " + where), node.path("size").asLong(-1));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }

    private static JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw invalid(what, "it is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid " + what + ": " + e.getMessage(), e);
        }
    }

    private static EngineException invalid(String what, String why) {
        return new EngineException(Kind.INVALID, "invalid " + what + ": " + why);
    }
}
