package io.holdfast.images;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the image a user's reference names, in Docker's order: a full id, then a {@code name[:tag]}, then a unique
 * id prefix (with or without {@code sha256:}). So {@code abc} is the tag {@code abc:latest} when that exists, and an
 * id prefix otherwise.
 */
final class ImageLookup {

    /**
     * A found image.
     *
     * @param id  the image id
     * @param tag the tag the reference named, or {@code null} when it named the id
     */
    record Target(String id, ImageReference tag) {
    }

    private final Set<String> ids;
    private final RepositoryIndex repositories;

    /** @param ids the live set of image ids; read, never changed, here */
    ImageLookup(Set<String> ids, RepositoryIndex repositories) {
        this.ids = ids;
        this.repositories = repositories;
    }

    /**
     * @throws EngineException {@code NOT_FOUND} when nothing matches, {@code INVALID} for a malformed reference or an
     *                         id prefix that matches several images
     */
    Target find(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new EngineException(Kind.INVALID, "invalid reference format: empty reference");
        }
        if (ImageIds.isFull(reference)) {
            if (ids.contains(reference)) {
                return new Target(reference, null);
            }
            throw notFound(reference);
        }
        Optional<ImageReference> tag = ImageReference.tryParse(reference);
        if (tag.isPresent()) {
            Optional<String> id = repositories.lookup(tag.get());
            if (id.isPresent()) {
                return new Target(id.get(), tag.get());
            }
        }
        if (ImageIds.isPrefix(reference)) {
            String prefix = ImageIds.hex(reference);
            List<String> matches = ids.stream().filter(id -> ImageIds.hex(id).startsWith(prefix)).sorted().toList();
            if (matches.size() == 1) {
                return new Target(matches.get(0), null);
            }
            if (matches.size() > 1) {
                throw new EngineException(Kind.INVALID, "ambiguous image id prefix \"" + reference + "\": it matches "
                        + matches.size() + " images");
            }
        }
        if (tag.isEmpty()) {
            ImageReference.parse(reference);
        }
        throw notFound(reference);
    }

    private static EngineException notFound(String reference) {
        return new EngineException(Kind.NOT_FOUND, "No such image: " + reference);
    }
}
