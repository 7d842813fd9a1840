package io.holdfast.images.content;

import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Blobs by digest under {@code <images>/blobs/sha256/<hex>}. A blob is written to a {@code tmp-*} file in
 * {@code blobs/} while hashed, synced, and renamed into place only when the digest is the one expected, so a file at
 * a blob's path is always complete and correct; a crash leaves a temporary file that {@link #sweep} removes.
 * Thread-safe: writers use their own temporary files and the final rename is atomic.
 */
public final class BlobStore {
    private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());
    private static final String TEMP_PREFIX = "tmp-";

    private final Path root;
    private final Path sha256;

    /** @param root the {@code blobs} directory */
    public BlobStore(Path root) {
        this.root = root;
        this.sha256 = root.resolve("sha256");
    }

    /** Deletes temporary files an interrupted write left; called at activation, before any write. */
    public void sweep() throws IOException {
        Directories.createPrivate(root);
        Directories.createPrivate(sha256);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
            for (Path leftover : entries) {
                LOG.info(() -> "removing " + leftover + ", a blob write that did not finish");
                Directories.deleteTree(leftover);
            }
        }
    }

    public Path path(String digest) {
        return sha256.resolve(Digests.hex(Digests.check(digest, "blob")));
    }

    public boolean has(String digest) {
        return Files.isRegularFile(path(digest), LinkOption.NOFOLLOW_LINKS);
    }

    /** See {@link io.holdfast.spi.image.ImageContent#putBlob}. */
    public String put(InputStream in, String expected) {
        if (expected != null) {
            Digests.check(expected, "expected blob");
        }
        Path temp = null;
        try {
            Directories.createPrivate(sha256);
            temp = Files.createTempFile(root, TEMP_PREFIX, ".blob");
            MessageDigest hash = Digests.newSha256();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    hash.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                channel.force(true);
            }
            String actual = Digests.of(hash);
            if (expected != null && !expected.equals(actual)) {
                throw new EngineException(Kind.INVALID, "blob digest mismatch: expected " + expected + ", got "
                        + actual + "; nothing was stored");
            }
            if (!has(actual)) {
                Files.move(temp, path(actual), StandardCopyOption.ATOMIC_MOVE);
                AtomicFile.syncDirectory(sha256);
            }
            return actual;
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot store blob" + (expected == null ? "" : " " + expected)
                    + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warning(() -> "cannot delete " + e.getMessage() + "; it is removed at the next start");
                }
            }
        }
    }

    public InputStream open(String digest) {
        try {
            return Files.newInputStream(path(digest), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw notFound(digest);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot read blob " + digest + ": " + e.getMessage(), e);
        }
    }

    public byte[] read(String digest) {
        try (InputStream in = open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot read blob " + digest + ": " + e.getMessage(), e);
        }
    }

    public long size(String digest) {
        try {
            return Files.size(path(digest));
        } catch (NoSuchFileException e) {
            throw notFound(digest);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot read blob " + digest + ": " + e.getMessage(), e);
        }
    }

    public void delete(String digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    /** Every stored blob's digest. */
    public List<String> list() throws IOException {
        List<String> digests = new ArrayList<>();
        if (!Files.isDirectory(sha256)) {
            return digests;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sha256)) {
            for (Path entry : entries) {
                digests.add(Digests.SHA256 + entry.getFileName());
            }
        }
        return digests;
    }

    private static EngineException notFound(String digest) {
        return new EngineException(Kind.NOT_FOUND, "blob " + digest + " is not stored");
    }
}
