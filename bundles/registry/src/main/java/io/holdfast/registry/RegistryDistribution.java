package io.holdfast.registry;

import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageContent;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.StoredImage;
import io.holdfast.spi.registry.ImageDistribution;
import io.holdfast.spi.registry.ProgressLine;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Pull and push between a registry and the content store ({@code docker pull}, {@code docker push}). Credentials
 * come from the API client's {@code X-Registry-Auth}, else from the engine user's Docker CLI {@code config.json}.
 */
@Component(service = ImageDistribution.class)
public class RegistryDistribution implements ImageDistribution {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    /** Live: a reload that changes insecure-registries reaches the next pull. */
    @Reference(target = "(" + ConfigKeys.OWNER + "=" + RegistryKeys.OWNER + ")", policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentConfig ownConfig;
    @Reference
    private ImageContent content;

    /** Partial downloads not resumed for a day go; younger ones stay for the repeated pull to resume. */
    @Activate
    void activate() {
        try {
            PartialSweep.sweep(partials(), PartialSweep.MAX_AGE, java.time.Instant.now());
        } catch (java.io.IOException e) {
            java.util.logging.Logger.getLogger(RegistryDistribution.class.getName()).warning(
                    () -> "cannot sweep " + partials() + ": " + e.getMessage());
        }
    }

    @Override
    public ImageRecord pull(String reference, String platform, String registryAuth, Consumer<ProgressLine> progress) {
        RegistryReference ref = parse(reference);
        Platform wanted;
        try {
            wanted = Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
        String before = currentId(ref.familiarTagged());
        PulledImage pulled;
        try {
            pulled = client().pull(ref, wanted, credentials(ref.domain(), registryAuth), blobs(),
                    e -> progress.accept(line(e)));
        } catch (RegistryException e) {
            throw translate(e);
        }
        content.putBlob(new ByteArrayInputStream(pulled.config()), pulled.manifest().config().digest());
        List<String> tags = ref.tag().isEmpty() ? List.of() : List.of(ref.familiarTagged());
        ImageRecord image = content.registerImage(pulled.manifest().bytes(), tags,
                ref.familiarName() + "@" + pulled.digest());
        for (Descriptor layer : pulled.manifest().layers()) {
            progress.accept(new ProgressLine(layer.shortId(), "Pull complete", -1, -1));
        }
        progress.accept(new ProgressLine("", "Digest: " + pulled.digest(), -1, -1));
        String name = ref.tag().isEmpty() ? ref.toString() : ref.familiarTagged();
        progress.accept(new ProgressLine("", image.id().equals(before) ? "Status: Image is up to date for " + name
                : "Status: Downloaded newer image for " + name, -1, -1));
        return image;
    }

    @Override
    public String push(String reference, String registryAuth, Consumer<ProgressLine> progress) {
        RegistryReference ref = parse(reference);
        if (ref.byDigest()) {
            throw new EngineException(Kind.INVALID, "push: name a tag, not a digest: " + reference);
        }
        StoredImage stored = content.image(ref.familiarTagged());
        ManifestDocument manifest;
        try {
            manifest = ManifestDocument.parse(stored.manifest(), stored.mediaType(), ref.familiarTagged());
            return client().push(ref, manifest, credentials(ref.domain(), registryAuth), blobs(),
                    e -> progress.accept(line(e)));
        } catch (RegistryException e) {
            throw translate(e);
        }
    }

    private static RegistryReference parse(String reference) {
        try {
            return RegistryReference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
    }

    private String currentId(String tag) {
        if (tag.isEmpty()) {
            return "";
        }
        try {
            return content.image(tag).id();
        } catch (EngineException absent) {
            return "";
        }
    }

    private RegistryClient client() {
        return new RegistryClient(new RegistryEndpoints(RegistryKeys.insecure(ownConfig.values())));
    }

    private ContentStoreBlobs blobs() {
        return new ContentStoreBlobs(content, partials());
    }

    private Path partials() {
        return Path.of(config.dataRoot(), "registry", "partial");
    }

    private static RegistryCredentials credentials(String domain, String registryAuth) {
        try {
            if (registryAuth != null && !registryAuth.isBlank()) {
                RegistryCredentials given = RegistryCredentials.fromRegistryAuthHeader(registryAuth);
                if (!given.isAnonymous()) {
                    return given;
                }
            }
            return DockerConfigCredentials.lookup(dockerConfig(), domain);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}, as the Docker CLI reads it. */
    private static Path dockerConfig() {
        String dir = System.getenv("DOCKER_CONFIG");
        return dir != null && !dir.isEmpty() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    private static EngineException translate(RegistryException e) {
        Kind kind = e.status() == 404 ? Kind.NOT_FOUND : Kind.FAILED;
        return new EngineException(kind, e.getMessage(), e);
    }

    private static ProgressLine line(ProgressEvent e) {
        return new ProgressLine(e.id(), e.status(), e.current(), e.total());
    }
}
