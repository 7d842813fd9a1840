package io.holdfast.registry;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One push: every layer and the config the registry lacks ({@code HEAD} first), each as a monolithic upload
 * ({@code POST /blobs/uploads/}, then {@code PUT <location>?digest=}), then the manifest under the tag.
 */
final class ImagePusher {
    private final RegistrySession session;
    private final Consumer<ProgressEvent> progress;

    ImagePusher(RegistrySession session, Consumer<ProgressEvent> progress) {
        this.session = session;
        this.progress = progress;
    }

    /** Pushes {@code manifest} and its blobs from {@code source} as {@code reference}'s tag; returns the digest. */
    String push(RegistryReference reference, ManifestDocument manifest, BlobSource source) {
        if (manifest.isIndex()) {
            throw new RegistryException(reference + ": pushing an index is not supported, push each image");
        }
        progress.accept(ProgressEvent.line("", "The push refers to repository [" + reference.domain() + "/"
                + reference.repository() + "]"));
        List<Descriptor> blobs = new ArrayList<>(manifest.layers());
        for (Descriptor layer : blobs) {
            progress.accept(ProgressEvent.line(layer.shortId(), "Preparing"));
        }
        blobs.add(manifest.config());
        for (Descriptor blob : blobs) {
            boolean layer = blob != manifest.config();
            if (exists(blob)) {
                if (layer) {
                    progress.accept(ProgressEvent.line(blob.shortId(), "Layer already exists"));
                }
                continue;
            }
            upload(blob, source);
            if (layer) {
                progress.accept(ProgressEvent.line(blob.shortId(), "Pushed"));
            }
        }
        HttpResponse<byte[]> response = session.send("PUT", session.repositoryUri("manifests/" + reference.tag()),
                Map.of("Content-Type", manifest.mediaType()),
                () -> HttpRequest.BodyPublishers.ofByteArray(manifest.bytes()), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new RegistryException(reference + ": manifest upload: "
                    + RegistrySession.errorText(response.statusCode(), response.body()), response.statusCode(), null);
        }
        progress.accept(ProgressEvent.line("", reference.tag() + ": digest: " + manifest.digest() + " size: "
                + manifest.bytes().length));
        return manifest.digest();
    }

    private boolean exists(Descriptor blob) {
        HttpResponse<Void> response = session.send("HEAD", session.repositoryUri("blobs/" + blob.digest()),
                Map.of(), null, HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    private void upload(Descriptor blob, BlobSource source) {
        long size = source.size(blob.digest());
        progress.accept(new ProgressEvent(blob.shortId(), "Pushing", 0, blob.size()));
        HttpResponse<byte[]> started = session.send("POST", session.repositoryUri("blobs/uploads/"), Map.of(),
                null, HttpResponse.BodyHandlers.ofByteArray());
        String location = started.headers().firstValue("Location").orElse("");
        if (started.statusCode() != 202 || location.isEmpty()) {
            throw new RegistryException(session.domain() + "/" + session.repository() + ": starting the upload of "
                    + blob.digest() + ": " + RegistrySession.errorText(started.statusCode(), started.body()),
                    started.statusCode(), null);
        }
        URI target = session.resolve(location);
        String query = "digest=" + URLEncoder.encode(blob.digest(), StandardCharsets.UTF_8);
        URI put = URI.create(target + (target.getRawQuery() == null ? "?" : "&") + query);
        HttpResponse<byte[]> done = session.send("PUT", put, Map.of("Content-Type", "application/octet-stream"),
                () -> HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> source.open(blob.digest())), size),
                HttpResponse.BodyHandlers.ofByteArray());
        if (done.statusCode() != 201) {
            throw new RegistryException(session.domain() + "/" + session.repository() + ": uploading "
                    + blob.digest() + ": " + RegistrySession.errorText(done.statusCode(), done.body()),
                    done.statusCode(), null);
        }
        progress.accept(new ProgressEvent(blob.shortId(), "Pushing", blob.size(), blob.size()));
    }
}
