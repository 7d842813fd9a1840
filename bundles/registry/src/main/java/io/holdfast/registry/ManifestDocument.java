package io.holdfast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest or an index as fetched: its bytes (which its digest is computed over, so they are kept verbatim), its
 * media type and the descriptors it lists.
 *
 * @param mediaType the media type from the document, else from the response's Content-Type
 * @param bytes     the document exactly as received
 * @param digest    {@code sha256:} of {@code bytes}
 * @param config    manifests: the config blob; {@code null} for an index
 * @param layers    manifests: the layers, base first; empty for an index
 * @param entries   indexes: the per-platform manifests; empty for a manifest
 */
public record ManifestDocument(String mediaType, byte[] bytes, String digest, Descriptor config,
                               List<Descriptor> layers, List<Descriptor> entries) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isIndex() {
        return MediaTypes.INDEXES.contains(mediaType);
    }

    /** Parses {@code bytes}; throws {@link RegistryException} naming what is wrong with the document. */
    public static ManifestDocument parse(byte[] bytes, String contentType, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new RegistryException(where + ": manifest is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RegistryException(where + ": manifest is not a JSON object");
        }
        String mediaType = root.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            String header = contentType == null ? "" : contentType.split(";")[0].trim();
            mediaType = !header.isEmpty() && !header.equals("application/json") ? header
                    : root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (mediaType.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED) || root.path("schemaVersion").asInt() == 1) {
            throw new RegistryException(where + ": Docker schema 1 manifests are not supported (push the image again"
                    + " with a current client to get a schema 2 manifest)");
        }
        String digest = Digests.sha256(bytes);
        if (MediaTypes.INDEXES.contains(mediaType)) {
            List<Descriptor> entries = new ArrayList<>();
            for (JsonNode m : root.path("manifests")) {
                JsonNode p = m.path("platform");
                entries.add(new Descriptor(m.path("mediaType").asText(""), descriptorDigest(m, where),
                        m.path("size").asLong(), p.path("os").asText(""), p.path("architecture").asText(""),
                        p.path("variant").asText("")));
            }
            return new ManifestDocument(mediaType, bytes, digest, null, List.of(), List.copyOf(entries));
        }
        if (!MediaTypes.MANIFESTS.contains(mediaType)) {
            throw new RegistryException(where + ": unsupported manifest media type \"" + mediaType + "\"; supported: "
                    + MediaTypes.ACCEPT);
        }
        JsonNode c = root.path("config");
        if (!c.isObject()) {
            throw new RegistryException(where + ": manifest has no config descriptor");
        }
        Descriptor config = new Descriptor(c.path("mediaType").asText(""), descriptorDigest(c, where),
                c.path("size").asLong());
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
            String layerType = l.path("mediaType").asText("");
            if (!MediaTypes.LAYERS.contains(layerType)) {
                throw new RegistryException(where + ": layer " + l.path("digest").asText() + " has unsupported media"
                        + " type \"" + layerType + "\"; supported: " + String.join(", ", MediaTypes.LAYERS));
            }
            layers.add(new Descriptor(layerType, descriptorDigest(l, where), l.path("size").asLong()));
        }
        return new ManifestDocument(mediaType, bytes, digest, config, List.copyOf(layers), List.of());
    }

    private static String descriptorDigest(JsonNode node, String where) {
        String digest = node.path("digest").asText("");
        if (!Digests.isSha256(digest)) {
            throw new RegistryException(where + ": descriptor digest \"" + digest + "\" is not sha256:<64 hex>");
        }
        return digest;
    }
}
