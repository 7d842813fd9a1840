package io.holdfast.images;

import io.holdfast.common.tar.EntryAttributes;
import io.holdfast.common.tar.TarExtractor;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Turns a tarball stream into an extracted root filesystem in a fresh {@code tmp-*} directory and learns its id, the
 * SHA-256 of the uncompressed tar bytes. On any failure the temporary directory is deleted before the error
 * propagates, so a refused import leaves nothing behind.
 */
final class TarballImporter {
    private static final Logger LOG = Logger.getLogger(TarballImporter.class.getName());

    /**
     * An extraction awaiting its commit.
     *
     * @param tempDir holds {@code rootfs/}; becomes the image directory by a rename
     * @param id      {@code sha256:<hex>}
     * @param size    bytes of regular files
     */
    record Extracted(Path tempDir, String id, long size) {
    }

    private final ImageLayout layout;

    TarballImporter(ImageLayout layout) {
        this.layout = layout;
    }

    /** Reads {@code in} to its end (without closing it) and extracts it. */
    Extracted extract(InputStream in) {
        Path temp;
        try {
            temp = layout.newTempDir();
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot create a work directory in " + layout.root() + ": "
                    + e.getMessage(), e);
        }
        try {
            Path rootfs = Files.createDirectory(temp.resolve("rootfs"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            boolean root = ((Integer) Files.getAttribute(temp, "unix:uid")) == 0;
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream plain = decompress(new BufferedInputStream(new KeepOpen(in), 64 * 1024));
                 InputStream digesting = new SkipReadingDigestInputStream(plain, sha256)) {
                long size = new TarExtractor(rootfs, new EntryAttributes(root))
                        .extract(new TarArchiveInputStream(digesting, "UTF-8"));
                drain(digesting);
                return new Extracted(temp, ImageIds.of(HexFormat.of().formatHex(sha256.digest())), size);
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            discard(temp);
            if (e instanceof EngineException engine) {
                throw engine;
            }
            throw new EngineException(Kind.FAILED, "import failed: " + e.getMessage(), e);
        }
    }

    /** Deletes a work directory completely; failures are logged, as the next activation sweeps leftovers. */
    static void discard(Path temp) {
        try {
            Directories.deleteTree(temp);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + temp + "; it is removed at the next start", e);
        }
    }

    /** Gzip when the stream starts with the gzip magic 1F 8B, plain tar otherwise. */
    private static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GzipCompressorInputStream(in, true);
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, "invalid gzip stream: " + e.getMessage(), e);
            }
        }
        return in;
    }

    /** Reads what the tar reader left (end-of-archive padding) so the id covers the whole stream. */
    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid tar archive: cannot read its end: " + e.getMessage(), e);
        }
    }

    /** A digest stream whose {@code skip} reads, so bytes the tar reader skips still count towards the id. */
    private static final class SkipReadingDigestInputStream extends DigestInputStream {
        private final byte[] skipBuffer = new byte[8192];

        SkipReadingDigestInputStream(InputStream in, MessageDigest digest) {
            super(in, digest);
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                int read = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }
    }

    /** Leaves the caller's stream open: it belongs to the caller. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
