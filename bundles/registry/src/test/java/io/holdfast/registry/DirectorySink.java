package io.holdfast.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A {@link BlobSink} and {@link BlobSource} over two directories, for tests: {@code blobs/} and {@code partial/}. */
final class DirectorySink implements BlobSink, BlobSource {
    final Path blobs;
    final Path partials;

    DirectorySink(Path root) throws IOException {
        blobs = Files.createDirectories(root.resolve("blobs"));
        partials = Files.createDirectories(root.resolve("partial"));
    }

    @Override
    public boolean has(String digest) {
        return Files.exists(blobFile(digest));
    }

    @Override
    public Path partial(String digest) {
        return partials.resolve(digest.replace(':', '-'));
    }

    @Override
    public void commit(String digest, Path verified) {
        try {
            Files.move(verified, blobFile(digest), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.io.InputStream open(String digest) {
        try {
            return Files.newInputStream(blobFile(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size(String digest) {
        try {
            return Files.size(blobFile(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path blobFile(String digest) {
        return blobs.resolve(digest.replace(':', '-'));
    }
}
