package io.holdfast.images.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.common.tar.EntryAttributes;
import io.holdfast.common.tar.TarExtractor;
import io.holdfast.images.content.Digests;
import io.holdfast.images.content.ImageDocuments;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageContent;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.registry.ProgressLine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code docker load}: reads an image archive, either Docker's {@code docker save} format ({@code manifest.json}
 * naming each image's config file, tags and layer tars) or an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/}; an {@code oci-archive} is that layout as a tar), and registers every image in
 * it. The archive is first unpacked, tar-slip safe, into a work directory the caller deletes. Every blob is verified:
 * one whose name is a digest must have that digest, and every layer's uncompressed content must be the diff id its
 * config names; a mismatch fails the load naming the file. Blocks on reading and unpacking.
 */
public final class ArchiveLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST_NAME = Pattern.compile("(?:.*/)?(?:blobs/sha256/)?([0-9a-f]{64})(?:\\.json)?");
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String CONTAINERD_NAME = "io.containerd.image.name";

    private final ImageContent content;
    private final Consumer<ProgressLine> progress;

    public ArchiveLoader(ImageContent content) {
        this(content, line -> { });
    }

    /** @param progress told {@code Loading layer} progress for each layer as it enters the store */
    public ArchiveLoader(ImageContent content, Consumer<ProgressLine> progress) {
        this.content = content;
        this.progress = progress;
    }

    /**
     * @param work an empty directory on the data root's file system
     * @return Docker's lines: {@code Loaded image: name:tag} per tag, {@code Loaded image ID: sha256:...} for an
     *         untagged image
     */
    public List<String> load(InputStream archive, Path work) {
        unpack(archive, work);
        try {
            if (Files.isRegularFile(work.resolve("manifest.json"), LinkOption.NOFOLLOW_LINKS)) {
                return loadDockerSave(work);
            }
            if (Files.isRegularFile(work.resolve("index.json"), LinkOption.NOFOLLOW_LINKS)) {
                return loadOciLayout(work);
            }
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + e.getMessage(), e);
        }
        throw new EngineException(Kind.INVALID, "invalid image archive: it has neither manifest.json (docker save) "
                + "nor index.json (OCI image layout)");
    }

    private List<String> loadDockerSave(Path work) throws IOException {
        JsonNode manifests = JSON.readTree(work.resolve("manifest.json").toFile());
        if (manifests == null || !manifests.isArray() || manifests.isEmpty()) {
            throw new EngineException(Kind.INVALID, "invalid image archive: manifest.json is not a non-empty array");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            JsonNode entry = manifests.get(i);
            String where = "manifest.json[" + i + "]";
            String configDigest = putFile(work, text(entry, "Config", where), where + ".Config", null);
            List<String> diffIds = diffIds(configDigest);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", ImageDocuments.DOCKER_MANIFEST);
            ObjectNode config = manifest.putObject("config");
            config.put("mediaType", ImageDocuments.DOCKER_CONFIG);
            config.put("digest", configDigest);
            config.put("size", content.blobSize(configDigest));
            ArrayNode layers = manifest.putArray("layers");
            JsonNode names = entry.path("Layers");
            if (!names.isArray()) {
                throw new EngineException(Kind.INVALID, "invalid image archive: " + where + ".Layers is not an array");
            }
            for (int l = 0; l < names.size(); l++) {
                String digest = putFile(work, names.get(l).asText(), where + ".Layers[" + l + "]",
                        shortId(diffIds, l));
                ObjectNode layer = layers.addObject();
                layer.put("mediaType", gzipped(digest) ? ImageDocuments.DOCKER_LAYER_GZIP : ImageDocuments.DOCKER_LAYER);
                layer.put("digest", digest);
                layer.put("size", content.blobSize(digest));
            }
            List<String> tags = new ArrayList<>();
            entry.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
            ImageRecord image = content.registerImage(JSON.writeValueAsBytes(manifest), tags, null);
            report(lines, image.id(), tags);
        }
        return lines;
    }

    private List<String> loadOciLayout(Path work) throws IOException {
        JsonNode index = JSON.readTree(work.resolve("index.json").toFile());
        List<String> lines = new ArrayList<>();
        loadIndex(work, index, "index.json", lines);
        if (lines.isEmpty()) {
            throw new EngineException(Kind.INVALID, "invalid image archive: index.json names no image manifest");
        }
        return lines;
    }

    private void loadIndex(Path work, JsonNode index, String where, List<String> lines) throws IOException {
        JsonNode manifests = index == null ? null : index.get("manifests");
        if (manifests == null || !manifests.isArray()) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + where + " has no manifests array");
        }
        for (int i = 0; i < manifests.size(); i++) {
            JsonNode descriptor = manifests.get(i);
            String at = where + ".manifests[" + i + "]";
            String digest = Digests.check(descriptor.path("digest").asText(null), at);
            byte[] bytes = verifiedBlob(work, digest, at);
            String mediaType = descriptor.path("mediaType").asText("");
            if (mediaType.contains("index") || mediaType.contains("manifest.list")) {
                JsonNode nested = JSON.readTree(bytes);
                loadIndex(work, pickPlatform(nested), at + " (" + digest + ")", lines);
                continue;
            }
            ImageDocuments.Manifest manifest = ImageDocuments.manifest(bytes);
            putBlob(work, manifest.config().digest(), at + " config", null);
            List<String> diffIds = diffIds(manifest.config().digest());
            for (int l = 0; l < manifest.layers().size(); l++) {
                putBlob(work, manifest.layers().get(l).digest(), at + " layer", shortId(diffIds, l));
            }
            List<String> tags = new ArrayList<>();
            String name = tagOf(descriptor.path("annotations"));
            if (name != null) {
                tags.add(name);
            }
            ImageRecord image = content.registerImage(bytes, tags, null);
            report(lines, image.id(), tags);
        }
    }

    /** A nested index (a multi-platform image): only its linux/amd64 manifests, as a pull would pick. */
    private static JsonNode pickPlatform(JsonNode index) {
        ObjectNode picked = JSON.createObjectNode();
        ArrayNode list = picked.putArray("manifests");
        index.path("manifests").forEach(m -> {
            JsonNode p = m.path("platform");
            if (p.isMissingNode() || ("linux".equals(p.path("os").asText()) && "amd64".equals(p.path("architecture")
                    .asText()))) {
                list.add(m);
            }
        });
        return picked;
    }

    /** The tag an OCI layout gives a manifest: a full reference, or (skopeo, buildah) just the tag. */
    private static String tagOf(JsonNode annotations) {
        String full = annotations.path(CONTAINERD_NAME).asText(null);
        if (full != null && !full.isEmpty()) {
            return full;
        }
        String ref = annotations.path(REF_NAME).asText(null);
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        return ref;
    }

    private static void report(List<String> lines, String id, List<String> tags) {
        if (tags.isEmpty()) {
            lines.add("Loaded image ID: " + id);
        }
        tags.forEach(tag -> lines.add("Loaded image: " + tag));
    }

    private byte[] verifiedBlob(Path work, String digest, String where) throws IOException {
        putBlob(work, digest, where, null);
        try (InputStream in = content.openBlob(digest)) {
            return in.readAllBytes();
        }
    }

    /**
     * Stores {@code blobs/sha256/<hex>} under the digest its name says; a mismatch fails naming it. With a
     * {@code layerId}, its progress is reported as that layer's.
     */
    private void putBlob(Path work, String digest, String where, String layerId) throws IOException {
        if (content.hasBlob(digest)) {
            return;
        }
        Path file = work.resolve("blobs/sha256").resolve(Digests.hex(digest));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + where + " names blob " + digest
                    + ", which the archive does not hold");
        }
        try (InputStream in = withProgress(Files.newInputStream(file), layerId, Files.size(file))) {
            content.putBlob(in, digest);
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "invalid image archive: blobs/sha256/" + Digests.hex(digest) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stores a file of a docker-save archive; a file named by a digest must have it. See {@link #putBlob}. */
    private String putFile(Path work, String name, String where, String layerId) throws IOException {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("..")) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + where + " is not a file in it: \""
                    + name + "\"");
        }
        Path file = work.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + where + " names " + name
                    + ", which the archive does not hold");
        }
        Matcher m = DIGEST_NAME.matcher(name);
        String expected = m.matches() && (name.endsWith(".json") || name.contains("blobs/sha256/"))
                ? Digests.SHA256 + m.group(1) : null;
        try (InputStream in = withProgress(Files.newInputStream(file), layerId, Files.size(file))) {
            return content.putBlob(in, expected);
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "invalid image archive: " + name + ": " + e.getMessage(), e);
        }
    }

    private InputStream withProgress(InputStream in, String layerId, long size) {
        return layerId == null ? in : new LayerProgress(in, layerId, size, progress);
    }

    /**
     * The config's {@code rootfs.diff_ids}: Docker names a layer in its load progress by its diff id. A config that
     * is no JSON gives none here; registering the image refuses it, naming what is wrong.
     */
    private List<String> diffIds(String configDigest) {
        List<String> ids = new ArrayList<>();
        try (InputStream in = content.openBlob(configDigest)) {
            JsonNode config = JSON.readTree(in);
            if (config != null) {
                config.path("rootfs").path("diff_ids").forEach(id -> ids.add(id.asText()));
            }
        } catch (IOException notJson) {
            return List.of();
        }
        return ids;
    }

    /** Twelve hex digits of the layer's diff id, as Docker shows it; {@code layer N} when the config lacks one. */
    private static String shortId(List<String> diffIds, int index) {
        if (index >= diffIds.size()) {
            return "layer " + (index + 1);
        }
        String id = diffIds.get(index);
        String hex = id.startsWith(Digests.SHA256) ? id.substring(Digests.SHA256.length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private boolean gzipped(String digest) throws IOException {
        try (InputStream in = content.openBlob(digest)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + where + "." + field
                    + " is not a string");
        }
        return value.asText();
    }

    private static void unpack(InputStream archive, Path work) {
        try {
            BufferedInputStream in = new BufferedInputStream(archive, 64 * 1024);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            InputStream plain = gzip ? new GzipCompressorInputStream(in, true) : in;
            boolean asRoot = ((Integer) Files.getAttribute(work, "unix:uid")) == 0;
            new TarExtractor(work, new EntryAttributes(asRoot)).extract(new TarArchiveInputStream(plain, "UTF-8"));
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid image archive: " + e.getMessage(), e);
        }
    }
}
