package io.holdfast.routes;

import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageConfig;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import io.holdfast.common.docker.DockerViews;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /images/...}: list, import ({@code docker import}), remove. Pulling from registries is not supported. */
final class ImageRoutes {
    private final Supplier<Images> images;
    private final Supplier<Containers> containers;

    ImageRoutes(Supplier<Images> images, Supplier<Containers> containers) {
        this.images = images;
        this.containers = containers;
    }

    void register(Router router) {
        router.add("GET", "/images/json", e -> e.sendJson(200, images.get().list().stream().map(DockerViews::image).toList()))
                .add("GET", "/images/{name*}/json", e -> e.sendJson(200,
                        DockerViews.imageInspect(images.get().resolve(e.pathParam(0)))))
                .add("GET", "/images/{name*}/history", e -> e.sendJson(200,
                        DockerViews.history(images.get().resolve(e.pathParam(0)))))
                .add("POST", "/images/{name*}/tag", this::tag)
                .add("POST", "/images/create", this::importImage)
                .add("DELETE", "/images/{name*}", this::remove);
    }

    private void importImage(ApiExchange e) throws Exception {
        if (!"-".equals(e.query("fromSrc"))) {
            throw new EngineException(Kind.INVALID, "only importing a tarball from the request body (fromSrc=-) is"
                    + " supported; Holdfast does not pull from registries");
        }
        String repo = e.query("repo");
        if (repo == null || repo.isEmpty()) {
            throw new EngineException(Kind.INVALID, "an image name is required (repo=NAME)");
        }
        String tag = e.query("tag");
        ImageConfig config = ImportChanges.parse(e.queryValues("changes")); // refused before the body is read
        ImageRecord image = images.get().importTarball(e.body(), tag == null || tag.isEmpty() ? repo : repo + ":" + tag,
                config);
        e.sendJson(200, Map.of("status", image.id()));
    }

    /** {@code docker tag}: {@code repo} is required, {@code tag} defaults to latest; 201 with no body, as Docker. */
    private void tag(ApiExchange e) {
        String repo = e.query("repo");
        if (repo == null || repo.isEmpty()) {
            throw new EngineException(Kind.INVALID, "repository name (repo) must have at least one component");
        }
        String tag = e.query("tag");
        images.get().tag(e.pathParam(0), tag == null || tag.isEmpty() ? repo : repo + ":" + tag);
        e.sendEmpty(201);
    }

    private void remove(ApiExchange e) throws Exception {
        List<String> lines = images.get().remove(e.pathParam(0),
                imageId -> containers.get().list().stream().anyMatch(c -> c.imageId().equals(imageId)));
        e.sendJson(200, lines.stream().map(line -> {
            int colon = line.indexOf(": ");
            return Map.of(line.substring(0, colon), line.substring(colon + 2));
        }).toList());
    }
}
