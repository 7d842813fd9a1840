package io.holdfast.routes;

import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageConfig;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.image.ImageContent;
import io.holdfast.common.docker.DockerViews;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /images/...}: list, inspect, import ({@code docker import}), load and save archives, tag, remove. */
final class ImageRoutes {
    private final Supplier<Images> images;
    private final Supplier<Containers> containers;
    private final Supplier<ImageContent> content;
    /** {@code POST /images/create?fromImage=}: a pull, answered by {@link RegistryRoutes}. */
    private final Router.Handler pull;

    ImageRoutes(Supplier<Images> images, Supplier<Containers> containers, Supplier<ImageContent> content,
                Router.Handler pull) {
        this.images = images;
        this.containers = containers;
        this.content = content;
        this.pull = pull;
    }

    void register(Router router) {
        router.add("GET", "/images/json", this::list)
                .add("POST", "/images/prune", this::prune)
                .add("GET", "/images/{name*}/json", this::inspect)
                .add("GET", "/images/{name*}/history", this::history)
                .add("POST", "/images/load", this::load)
                .add("GET", "/images/get", e -> save(e, e.queryValues("names")))
                .add("GET", "/images/{name*}/get", e -> save(e, List.of(e.pathParam(0))))
                .add("POST", "/images/{name*}/tag", this::tag)
                .add("POST", "/images/create", this::importImage)
                .add("DELETE", "/images/{name*}", this::remove);
    }

    private void inspect(ApiExchange e) throws Exception {
        ImageRecord image = images.get().resolve(e.pathParam(0));
        java.util.Optional<io.holdfast.spi.image.StoredImage> stored = layered(image);
        if (stored.isPresent()) {
            e.sendJson(200, LayeredImageViews.inspect(image, stored.get()));
        } else {
            e.sendJson(200, DockerViews.imageInspect(image));
        }
    }

    private void history(ApiExchange e) throws Exception {
        ImageRecord image = images.get().resolve(e.pathParam(0));
        java.util.Optional<io.holdfast.spi.image.StoredImage> stored = layered(image);
        if (stored.isPresent()) {
            e.sendJson(200, LayeredImageViews.history(image, stored.get()));
        } else {
            e.sendJson(200, DockerViews.history(image));
        }
    }

    /** The stored manifest and config of a layered image; empty for one imported flat, which has none. */
    private java.util.Optional<io.holdfast.spi.image.StoredImage> layered(ImageRecord image) {
        try {
            return java.util.Optional.of(content.get().image(image.id()));
        } catch (EngineException flat) {
            if (flat.kind() != Kind.INVALID) {
                throw flat;
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * {@code docker load}: Docker's JSON message stream, {@code Loading layer} progress for each layer (unless
     * {@code quiet=1}), then one {@code stream} line per image loaded. A refusal before the first progress line is a
     * 4xx; one after it ends the stream with an error message, as Docker's does.
     */
    private void load(ApiExchange e) throws Exception {
        if (!e.flag("quiet")) {
            loadWithProgress(e);
            return;
        }
        List<String> lines = content.get().load(e.body());
        try (java.io.OutputStream out = e.stream(200, "application/json")) {
            // one write per message, newline included: the Docker SDK decodes each chunk it reads, and a chunk of
            // just "\n" left at the end of the stream fails its JSON decoder
            StringBuilder messages = new StringBuilder();
            for (String line : lines) {
                messages.append(ApiExchange.JSON.writeValueAsString(Map.of("stream", line + "\n"))).append('\n');
            }
            out.write(messages.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void loadWithProgress(ApiExchange e) throws Exception {
        ProgressStream.run(e, stream -> content.get().load(e.body(), stream::line)
                .forEach(line -> stream.stream(line + "\n")));
    }

    /** {@code docker save}: every name is resolved before the first byte, so an unknown one is a clean 404. */
    private void save(ApiExchange e, List<String> names) throws Exception {
        if (names == null || names.isEmpty()) {
            throw new EngineException(Kind.INVALID, "no image to save: give names=IMAGE");
        }
        for (String name : names) {
            content.get().image(name);
        }
        try (java.io.OutputStream out = e.stream(200, "application/x-tar")) {
            content.get().save(names, out);
        }
    }

    private void importImage(ApiExchange e) throws Exception {
        if (e.query("fromImage") != null && e.query("fromSrc") == null) {
            pull.handle(e);
            return;
        }
        String name;
        ImageConfig config;
        try {
            name = importName(e);
            config = ImportChanges.parse(e.queryValues("changes")); // refused before the tarball is unpacked
        } catch (EngineException refused) {
            // read what the client is still sending: closing on it makes its write fail (broken pipe), and it
            // would never read the refusal
            e.body().transferTo(java.io.OutputStream.nullOutputStream());
            throw refused;
        }
        ImageRecord image = images.get().importTarball(e.body(), name, config);
        e.sendJson(200, Map.of("status", image.id()));
    }

    /** The imported image's name from {@code repo} and {@code tag}; {@code fromSrc=-} only (the request body). */
    private static String importName(ApiExchange e) {
        if (!"-".equals(e.query("fromSrc"))) {
            throw new EngineException(Kind.INVALID, "only importing a tarball from the request body (fromSrc=-) or "
                    + "pulling (fromImage=NAME) is supported");
        }
        String repo = e.query("repo");
        if (repo == null || repo.isEmpty()) {
            throw new EngineException(Kind.INVALID, "an image name is required (repo=NAME)");
        }
        String tag = e.query("tag");
        return tag == null || tag.isEmpty() ? repo : repo + ":" + tag;
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

    private void list(ApiExchange e) throws Exception {
        ImageFilter filter = ImageFilter.parse(e.query("filters"));
        Images store = images.get();
        e.sendJson(200, store.list().stream().filter(i -> filter.matches(i, store::resolve))
                .map(DockerViews::image).toList());
    }

    /**
     * {@code docker image prune [-a]}: removes dangling images ({@code dangling=false}: every image) that no
     * container uses, with their layers no other image has.
     */
    private void prune(ApiExchange e) throws Exception {
        ImageFilter filter = ImageFilter.parse(e.query("filters"));
        Images store = images.get();
        java.util.function.Predicate<String> used = usedBy();
        List<Map<String, String>> deleted = new java.util.ArrayList<>();
        long reclaimed = 0;
        for (ImageRecord image : store.list()) {
            boolean candidate = filter.has("dangling") ? filter.matches(image, store::resolve)
                    : image.repoTags().isEmpty() && filter.matches(image, store::resolve);
            if (!candidate || used.test(image.id())) {
                continue;
            }
            try {
                deleted.addAll(entries(store.remove(image.id(), used)));
                reclaimed += image.size();
            } catch (EngineException gone) {
                if (gone.kind() != Kind.NOT_FOUND && gone.kind() != Kind.CONFLICT) {
                    throw gone;
                }
            }
        }
        e.sendJson(200, Map.of("ImagesDeleted", deleted, "SpaceReclaimed", reclaimed));
    }

    /** Whether a container (in any state) uses the image: never deleted from under it. */
    private java.util.function.Predicate<String> usedBy() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        containers.get().list().forEach(c -> ids.add(c.imageId()));
        return ids::contains;
    }

    private static List<Map<String, String>> entries(List<String> lines) {
        return lines.stream().map(line -> {
            int colon = line.indexOf(": ");
            return Map.of(line.substring(0, colon), line.substring(colon + 2));
        }).toList();
    }

    private void remove(ApiExchange e) throws Exception {
        List<String> lines = images.get().remove(e.pathParam(0), usedBy(), e.flag("force"));
        e.sendJson(200, lines.stream().map(line -> {
            int colon = line.indexOf(": ");
            return Map.of(line.substring(0, colon), line.substring(colon + 2));
        }).toList());
    }
}
