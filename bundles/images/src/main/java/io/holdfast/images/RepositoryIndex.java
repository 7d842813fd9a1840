package io.holdfast.images;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tags: {@code repositories.json}, a map from {@code name:tag} to image id. Every change writes a new copy of
 * the file first and only then replaces the in-memory map, so a failed write changes nothing. Not thread-safe; the
 * image store serialises access.
 */
final class RepositoryIndex {
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private SortedMap<String, String> tags;

    private RepositoryIndex(Path file, SortedMap<String, String> tags) {
        this.file = file;
        this.tags = tags;
    }

    /** The index in {@code file}, or an empty one when it does not exist yet. */
    static RepositoryIndex load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new RepositoryIndex(file, new TreeMap<>());
        }
        TreeMap<String, String> tags = JsonFiles.read(file, TYPE);
        return new RepositoryIndex(file, tags == null ? new TreeMap<>() : tags);
    }

    Optional<String> lookup(ImageReference reference) {
        return Optional.ofNullable(tags.get(reference.toString()));
    }

    /** Every {@code name:tag} pointing at {@code id}, sorted. */
    List<String> tagsOf(String id) {
        return tags.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).toList();
    }

    /** Points {@code reference} at {@code id}, moving it off whatever image it named before. */
    void tag(ImageReference reference, String id) throws IOException {
        TreeMap<String, String> next = new TreeMap<>(tags);
        next.put(reference.toString(), id);
        replace(next);
    }

    /** Removes the given {@code name:tag}s. */
    void untag(List<String> references) throws IOException {
        TreeMap<String, String> next = new TreeMap<>(tags);
        references.forEach(next::remove);
        replace(next);
    }

    /**
     * Drops tags whose image is gone, e.g. after a crash between deleting an image and rewriting this file.
     *
     * @return the tags dropped
     */
    List<String> retainImages(Set<String> ids) throws IOException {
        List<String> dangling = tags.entrySet().stream().filter(e -> !ids.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!dangling.isEmpty()) {
            untag(dangling);
        }
        return dangling;
    }

    private void replace(TreeMap<String, String> next) throws IOException {
        JsonFiles.write(file, next);
        tags = next;
    }
}
