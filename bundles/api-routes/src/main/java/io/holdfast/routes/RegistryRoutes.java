package io.holdfast.routes;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.registry.ImageDistribution;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /images/create?fromImage=&tag=&platform=} (pull) and {@code POST /images/{name}/push?tag=}, with the
 * client's {@code X-Registry-Auth}, answered with Docker's JSON progress stream.
 */
final class RegistryRoutes {
    private static final String REGISTRY_AUTH = "X-Registry-Auth";
    private final Supplier<ImageDistribution> distribution;

    RegistryRoutes(Supplier<ImageDistribution> distribution) {
        this.distribution = distribution;
    }

    void register(Router router) {
        router.add("POST", "/images/{name*}/push", this::push);
    }

    void pull(ApiExchange e) throws Exception {
        String image = e.query("fromImage");
        if (image == null || image.isEmpty()) {
            throw new EngineException(Kind.INVALID, "fromImage: an image name is required");
        }
        String tag = e.query("tag");
        String reference = tag == null || tag.isEmpty() ? image
                : image + (tag.startsWith("sha256:") ? "@" : ":") + tag;
        String platform = e.query("platform");
        ImageDistribution registry = distribution.get();
        ProgressStream.run(e, stream -> registry.pull(reference, platform == null ? "" : platform, auth(e),
                stream::line));
    }

    private void push(ApiExchange e) throws Exception {
        String name = e.pathParam(0);
        String tag = e.query("tag");
        String reference = tag == null || tag.isEmpty() ? name : name + ":" + tag;
        ImageDistribution registry = distribution.get();
        ProgressStream.run(e, stream -> {
            String digest = registry.push(reference, auth(e), stream::line);
            stream.aux(Map.of("Tag", tag == null || tag.isEmpty() ? "latest" : tag, "Digest", digest));
        });
    }

    private static String auth(ApiExchange e) {
        String header = e.requestHeader(REGISTRY_AUTH);
        return header == null ? "" : header;
    }
}
