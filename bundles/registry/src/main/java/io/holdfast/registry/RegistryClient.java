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
    private final Duration stallTimeout;

    /** A default stall timeout, {@link #DEFAULT_STALL_TIMEOUT}. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    public RegistryClient(RegistryEndpoints endpoints) {
        this(endpoints, DEFAULT_STALL_TIMEOUT);
    }

    /**
     * @param stallTimeout how long a blob download may receive nothing before it is cut and resumed with a
     *                     {@code Range}
     */
    public RegistryClient(RegistryEndpoints endpoints, Duration stallTimeout) {
        // redirects are followed by the session, which drops the registry's token on the way to another host
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoints = endpoints;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Fetches {@code reference}'s manifest for {@code platform}, its config, and every layer {@code sink} lacks.
     * Throws {@link RegistryException} naming the image, blob or registry on any failure; blobs already committed
     * stay (they are verified), a partial one stays in the sink's partial file for the next pull to resume.
     */
    public PulledImage pull(RegistryReference reference, Platform platform, RegistryCredentials credentials,
                            BlobSink sink, Consumer<ProgressEvent> progress) {
        return new ImagePuller(session(reference, credentials, false), progress, stallTimeout).pull(reference, platform, sink);
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
