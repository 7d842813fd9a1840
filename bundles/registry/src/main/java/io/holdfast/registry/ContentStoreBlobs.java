package io.holdfast.registry;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.image.ImageContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content store as the registry client's sink and source. Downloads go to {@code <data-root>/registry/partial/}
 * (kept across engine restarts, so a pull cut by {@code kill -9} resumes) and enter the store through
 * {@link ImageContent#putBlob}, which verifies the digest once more and renames the blob into place; only then does
 * it count as present.
 */
final class ContentStoreBlobs implements BlobSink, BlobSource {
    private final ImageContent content;
    private final Path partials;

    ContentStoreBlobs(ImageContent content, Path partials) {
        this.content = content;
        this.partials = partials;
    }

    @Override
    public boolean has(String digest) {
        return content.hasBlob(digest);
    }

    @Override
    public Path partial(String digest) {
        try {
            Directories.createPrivate(partials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partials, e);
        }
        return partials.resolve(digest.replace(':', '-'));
    }

    @Override
    public void commit(String digest, Path verified) {
        try (InputStream in = Files.newInputStream(verified)) {
            content.putBlob(in, digest);
        } catch (IOException e) {
            throw new RegistryException("blob " + digest + ": moving the download into the store: " + e.getMessage(),
                    e);
        }
        try {
            Files.deleteIfExists(verified);
        } catch (IOException e) {
            throw new RegistryException("cannot delete " + verified + " after storing it: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String digest) {
        return content.openBlob(digest);
    }

    @Override
    public long size(String digest) {
        return content.blobSize(digest);
    }
}
