package io.holdfast.spi.registry;

import io.holdfast.spi.image.ImageRecord;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Pulls images from a registry (OCI Distribution / Docker Registry HTTP API v2) into the content store and pushes
 * them from it; registered by the registry bundle.
 *
 * <pre>{@code
 * ImageRecord image = distribution.pull("127.0.0.1:5000/app:1", "", "", line -> send(line));
 * distribution.push("127.0.0.1:5000/app:1", registryAuthHeader, line -> send(line));
 * }</pre>
 *
 * <p>Both block on the network and the disk for as long as the transfer takes and may run concurrently; progress
 * is reported on the calling thread. Errors are {@link io.holdfast.spi.container.EngineException}s: {@code INVALID}
 * for a bad reference or platform, {@code NOT_FOUND} for an image the registry or the store does not have,
 * {@code FAILED} for the registry refusing or failing (the message names the registry, image and blob).
 */
@ProviderType
public interface ImageDistribution {

    /**
     * Pulls {@code reference} ({@code [host[:port]/]name[:tag][@sha256:...]}) for {@code platform}
     * ({@code os/arch[/variant]}; empty: the engine's) and tags it locally unless it was named by digest only.
     * Blobs already stored are not fetched; a download cut off (also by an engine kill) resumes on the next pull.
     *
     * @param registryAuth Docker's {@code X-Registry-Auth} header value; empty: the credentials in the engine
     *                     user's {@code ~/.docker/config.json}, else anonymous
     */
    ImageRecord pull(String reference, String platform, String registryAuth, Consumer<ProgressLine> progress);

    /**
     * Pushes the local image {@code reference} names ({@code host[:port]/name[:tag]}) to its registry.
     *
     * @return the manifest's digest in the registry
     */
    String push(String reference, String registryAuth, Consumer<ProgressLine> progress);
}
