package io.holdfast.spi.image;

import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The image store, registered by the images bundle. Errors are {@link io.holdfast.spi.container.EngineException}s
 * with a sentence for the user.
 *
 * <pre>{@code
 * ImageRecord busybox = images.importTarball(in, "busybox:latest");
 * ImageRecord same = images.resolve("busybox");   // ":latest" is implied, as in Docker
 * }</pre>
 */
@ProviderType
public interface Images {

    /**
     * Imports a root-filesystem tarball (plain or gzip-compressed), like {@code docker import}, and tags it.
     * Entries that would land outside the root ({@code ..}, absolute names, links that point outside, writes through
     * a link) reject the whole import with {@code INVALID} naming the entry; nothing is left behind. Blocks while
     * reading {@code tar}.
     *
     * @param reference {@code name[:tag]}; the tag defaults to {@code latest}
     */
    ImageRecord importTarball(InputStream tar, String reference);

    /**
     * {@link #importTarball} with the defaults its containers take ({@code docker import --change}). The same tarball
     * with another config is another image.
     */
    ImageRecord importTarball(InputStream tar, String reference, ImageConfig config);

    /**
     * Points {@code target} ({@code name[:tag]}, {@code :latest} implied) at the image {@code source} names, moving
     * the tag from whichever image had it; the tag is written atomically. Throws {@code NOT_FOUND} for an unknown
     * source and {@code INVALID} for a malformed target.
     */
    ImageRecord tag(String source, String target);

    /** All images, newest first. */
    List<ImageRecord> list();

    /** The image a reference names: {@code name[:tag]}, a full id, or a unique id prefix; else {@code NOT_FOUND}. */
    ImageRecord resolve(String reference);

    /**
     * Removes the tag {@code reference}, and the image once no tag is left. Refused with {@code CONFLICT} when
     * {@code inUse} says a container uses the image (tested with the image id).
     *
     * @return the lines Docker prints: {@code Untagged: busybox:latest}, {@code Deleted: sha256:...}
     */
    List<String> remove(String reference, Predicate<String> inUse);

    /**
     * {@link #remove(String, Predicate)}, or with {@code force} ({@code docker rmi -f}) of an image a container uses:
     * the tag the reference names (all its tags, for an id) is removed and the image itself kept, as its containers
     * still stand on its layers; it is then dangling. An image no container uses is removed as without force.
     */
    default List<String> remove(String reference, Predicate<String> inUse, boolean force) {
        return remove(reference, inUse);
    }
}
