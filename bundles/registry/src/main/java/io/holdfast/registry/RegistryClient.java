package io.holdfast.registry;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Pulls and pushes images with a registry (OCI Distribution / Docker Registry HTTP API v2) over the JDK's
 * {@link HttpClient}. Every call blocks on the network; calls may run concurrently.
 *
 * <pre>{@code
 * RegistryClient client = new RegistryClient(new RegistryEndpoints(List.of()));
 * PulledImage image = client.pull(RegistryReference.parse("127.0.0.1:5000/app:1"), Platform.host(),
 *         RegistryCredentials.ANONYMOUS, store, event -> {});
 * }</pre>
 */
public final class RegistryClient {
    private final HttpClient http;
    private final RegistryEndpoints endpoints;

    public RegistryClient(RegistryEndpoints endpoints) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build(), endpoints);
    }

    /** With a given client; it must not follow redirects itself (the session does, without leaking the token). */
    public RegistryClient(HttpClient http, RegistryEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /**
     * Fetches {@code reference}'s manifest for {@code platform}, its config, and every layer {@code sink} lacks.
     * Throws {@link RegistryException} naming the image, blob or registry on any failure; blobs already committed
     * stay (they are verified), a partial one stays in the sink's partial file for the next pull to resume.
     */
    public PulledImage pull(RegistryReference reference, Platform platform, RegistryCredentials credentials,
                            BlobSink sink, Consumer<ProgressEvent> progress) {
        return new ImagePuller(session(reference, credentials, false), progress).pull(reference, platform, sink);
    }

    /** Pushes an image manifest and its blobs as {@code reference} (which must carry a tag); returns its digest. */
    public String push(RegistryReference reference, ManifestDocument manifest, RegistryCredentials credentials,
                       BlobSource source, Consumer<ProgressEvent> progress) {
        if (reference.tag().isEmpty()) {
            throw new IllegalArgumentException("push: " + reference + " names no tag");
        }
        return new ImagePusher(session(reference, credentials, true), progress).push(reference, manifest, source);
    }

    private RegistrySession session(RegistryReference reference, RegistryCredentials credentials, boolean push) {
        return new RegistrySession(http, endpoints.baseUri(reference.domain()), reference.domain(),
                reference.repository(), credentials, push);
    }
}
