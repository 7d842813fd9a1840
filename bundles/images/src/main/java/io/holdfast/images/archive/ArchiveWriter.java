package io.holdfast.images.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.images.content.Digests;
import io.holdfast.spi.image.ImageContent;
import io.holdfast.spi.image.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save}: writes images as one tar that is both Docker's format ({@code manifest.json},
 * {@code repositories}) and an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/}),
 * as Docker 25 does, so {@code docker load}, {@code holdfast load} and {@code skopeo oci-archive:} all read it.
 * Blobs go out exactly as stored, so the image id (its config's digest) is the same after a load. Blocks on reading
 * blobs and on {@code out}.
 */
public final class ArchiveWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An image to write and the tags to write it under. */
    public record Entry(StoredImage image, List<String> tags) {
    }

    private final ImageContent content;

    public ArchiveWriter(ImageContent content) {
        this.content = content;
    }

    public void write(List<Entry> entries, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        Set<String> written = new LinkedHashSet<>();
        ArrayNode manifests = JSON.createArrayNode();
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode indexManifests = index.putArray("manifests");
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        directory(tar, "blobs/");
        directory(tar, "blobs/sha256/");
        for (Entry entry : entries) {
            StoredImage image = entry.image();
            blob(tar, image.configDigest(), written);
            ObjectNode manifest = manifests.addObject();
            manifest.put("Config", path(image.configDigest()));
            ArrayNode tags = manifest.putArray("RepoTags");
            entry.tags().forEach(tags::add);
            ArrayNode layers = manifest.putArray("Layers");
            for (StoredImage.LayerBlob layer : image.layers()) {
                blob(tar, layer.digest(), written);
                layers.add(path(layer.digest()));
            }
            blob(tar, image.manifestDigest(), written);
            List<String> names = entry.tags().isEmpty() ? java.util.Arrays.asList((String) null) : entry.tags();
            for (String tag : names) {
                ObjectNode descriptor = indexManifests.addObject();
                descriptor.put("mediaType", image.mediaType());
                descriptor.put("digest", image.manifestDigest());
                descriptor.put("size", image.manifest().length);
                if (tag != null) {
                    ObjectNode annotations = descriptor.putObject("annotations");
                    annotations.put("io.containerd.image.name", tag);
                    annotations.put("org.opencontainers.image.ref.name", tag.substring(tag.lastIndexOf(':') + 1));
                    int colon = tag.lastIndexOf(':');
                    repositories.computeIfAbsent(tag.substring(0, colon), k -> new LinkedHashMap<>())
                            .put(tag.substring(colon + 1), Digests.hex(image.id()));
                }
            }
        }
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        file(tar, "index.json", JSON.writeValueAsBytes(index));
        file(tar, "manifest.json", JSON.writeValueAsBytes(manifests));
        if (!repositories.isEmpty()) {
            file(tar, "repositories", JSON.writeValueAsBytes(repositories));
        }
        tar.finish();
        out.flush();
    }

    private static String path(String digest) {
        return "blobs/sha256/" + Digests.hex(digest);
    }

    private void blob(TarArchiveOutputStream tar, String digest, Set<String> written) throws IOException {
        if (!written.add(digest)) {
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(path(digest));
        entry.setSize(content.blobSize(digest));
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        try (InputStream in = content.openBlob(digest)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
