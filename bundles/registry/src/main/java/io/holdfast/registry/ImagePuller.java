package io.holdfast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One pull: resolves the reference to a manifest (through a manifest list or OCI index for the platform), fetches
 * the config and every layer the sink lacks, and verifies each against its digest.
 */
final class ImagePuller {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MANIFEST = 4 * 1024 * 1024;

    private final RegistrySession session;
    private final Consumer<ProgressEvent> progress;
    private final Duration stallTimeout;

    ImagePuller(RegistrySession session, Consumer<ProgressEvent> progress, Duration stallTimeout) {
        this.session = session;
        this.progress = progress;
        this.stallTimeout = stallTimeout;
    }

    PulledImage pull(RegistryReference reference, Platform platform, BlobSink sink) {
        progress.accept(ProgressEvent.line(reference.byDigest() ? "" : reference.tag(),
                "Pulling from " + reference.familiarName()));
        ManifestDocument top = fetchManifest(reference.manifestReference(), reference.byDigest(), reference);
        ManifestDocument manifest = top;
        if (top.isIndex()) {
            Descriptor entry = ManifestSelector.select(top, platform, reference.toString());
            manifest = fetchManifest(entry.digest(), true, reference);
            if (manifest.isIndex()) {
                throw new RegistryException(reference + ": the index entry for " + platform + " is itself an index");
            }
        }
        byte[] config = fetchConfig(manifest.config(), reference);
        int diffIds = diffIdCount(config, reference);
        if (diffIds != manifest.layers().size()) {
            throw new RegistryException(reference + ": the config lists " + diffIds + " layers (rootfs.diff_ids) but"
                    + " the manifest " + manifest.layers().size());
        }
        for (Descriptor layer : manifest.layers()) {
            progress.accept(ProgressEvent.line(layer.shortId(),
                    sink.has(layer.digest()) ? "Already exists" : "Pulling fs layer"));
        }
        BlobDownloader downloader = new BlobDownloader(session, sink, progress, stallTimeout);
        for (Descriptor layer : manifest.layers()) {
            downloader.fetch(layer);
        }
        return new PulledImage(reference, top.digest(), manifest, config);
    }

    /** GETs a manifest by tag or digest; one named by digest must hash to it. */
    private ManifestDocument fetchManifest(String ref, boolean verify, RegistryReference image) {
        HttpResponse<byte[]> response = session.send("GET", session.repositoryUri("manifests/" + ref),
                Map.of("Accept", MediaTypes.ACCEPT), null, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 404) {
            throw new RegistryException("manifest for " + image + " not found: "
                    + RegistrySession.errorText(status, response.body()), 404, null);
        }
        if (status != 200) {
            throw new RegistryException(image.domain() + ": manifest " + ref + " of " + image.repository() + ": "
                    + RegistrySession.errorText(status, response.body()), status, null);
        }
        byte[] body = response.body();
        if (body.length > MAX_MANIFEST) {
            throw new RegistryException(image + ": manifest " + ref + " is " + body.length + " bytes, over the "
                    + MAX_MANIFEST + " byte limit");
        }
        ManifestDocument document = ManifestDocument.parse(body,
                response.headers().firstValue("Content-Type").orElse(""), image + " manifest " + ref);
        if (verify && !document.digest().equals(ref)) {
            throw new RegistryException(image + ": manifest " + ref + " failed verification: its content hashes to "
                    + document.digest());
        }
        return document;
    }

    private byte[] fetchConfig(Descriptor config, RegistryReference image) {
        HttpResponse<byte[]> response = session.send("GET", session.repositoryUri("blobs/" + config.digest()),
                Map.of(), null, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new RegistryException(image + ": config blob " + config.digest() + ": "
                    + RegistrySession.errorText(response.statusCode(), response.body()), response.statusCode(), null);
        }
        String actual = Digests.sha256(response.body());
        if (!actual.equals(config.digest())) {
            throw new RegistryException(image + ": config blob " + config.digest()
                    + " failed verification: its content hashes to " + actual);
        }
        return response.body();
    }

    private static int diffIdCount(byte[] config, RegistryReference image) {
        try {
            JsonNode node = JSON.readTree(config).path("rootfs").path("diff_ids");
            if (!node.isArray()) {
                throw new RegistryException(image + ": the image config has no rootfs.diff_ids");
            }
            return node.size();
        } catch (IOException e) {
            throw new RegistryException(image + ": the image config is not JSON: " + e.getMessage(), e);
        }
    }
}
