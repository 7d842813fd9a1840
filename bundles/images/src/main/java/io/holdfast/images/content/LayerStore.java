package io.holdfast.images.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.common.tar.EntryAttributes;
import io.holdfast.common.tar.TarExtractor;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacked layers under {@code <images>/layers/<chain hex>/}: {@code diff/} (the layer's files in overlayfs's format,
 * see {@link Whiteouts}) and {@code layer.json}. A layer is unpacked into a {@code tmp-*} directory and renamed into
 * place whole, so a present layer directory is always complete; its uncompressed digest must be the diff id the
 * image's config names. Unpacking runs without a lock; two unpacks of one layer race harmlessly (the loser's copy is
 * dropped).
 */
public final class LayerStore {
    private static final Logger LOG = Logger.getLogger(LayerStore.class.getName());
    private static final String TEMP_PREFIX = "tmp-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What {@code layer.json} records.
     *
     * @param chainId the layer's chain id (its name)
     * @param diffId  the digest of its uncompressed tar
     * @param parent  the chain id below it, or null
     * @param size    bytes of its regular files
     */
    public record LayerInfo(String chainId, String diffId, String parent, long size) {
    }

    private final Path root;

    /** @param root the {@code layers} directory */
    public LayerStore(Path root) {
        this.root = root;
    }

    /** Deletes unpacks a crash interrupted; at activation. */
    public void sweep() throws IOException {
        Directories.createPrivate(root);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
            for (Path leftover : entries) {
                LOG.info(() -> "removing " + leftover + ", a layer unpack that did not finish");
                Directories.deleteTree(leftover);
            }
        }
    }

    public Path dir(String chainId) {
        return root.resolve(Digests.hex(chainId));
    }

    /** The layer's files, the directory a storage driver stacks. */
    public Path diff(String chainId) {
        return dir(chainId).resolve("diff");
    }

    public boolean has(String chainId) {
        return Files.isRegularFile(dir(chainId).resolve("layer.json"));
    }

    public LayerInfo info(String chainId) throws IOException {
        return JSON.readValue(dir(chainId).resolve("layer.json").toFile(), LayerInfo.class);
    }

    /**
     * Unpacks {@code blob} (gzip or plain tar) as the layer {@code diffId} on top of {@code parentChain}.
     *
     * @param lowers the diff directories of the layers below, lowest first
     * @throws EngineException {@code INVALID} when the blob's uncompressed digest is not {@code diffId} or the tar is
     *                         unsafe; nothing is left behind
     */
    public LayerInfo unpack(BlobStore blobs, String blob, String diffId, String parentChain, List<Path> lowers) {
        String chainId = Digests.chainId(parentChain, diffId);
        if (has(chainId)) {
            try {
                return info(chainId);
            } catch (IOException e) {
                throw new EngineException(Kind.FAILED, "cannot read layer " + chainId + ": " + e.getMessage(), e);
            }
        }
        Path temp = null;
        try {
            Directories.createPrivate(root);
            temp = Files.createTempDirectory(root, TEMP_PREFIX);
            Path diff = Files.createDirectory(temp.resolve("diff"));
            // 0755 whatever the engine's umask (the tar's own "./" entry, if any, sets it later): the overlay driver
            // gives the container's / the top layer's mode, and a 0700 / locks every non-root user out
            Files.setPosixFilePermissions(diff, PosixFilePermissions.fromString("rwxr-xr-x"));
            boolean asRoot = ((Integer) Files.getAttribute(temp, "unix:uid")) == 0;
            MessageDigest hash = Digests.newSha256();
            long size;
            try (InputStream raw = blobs.open(blob);
                 InputStream plain = decompress(new BufferedInputStream(raw, 64 * 1024));
                 InputStream hashing = new DigestInputStream(plain, hash)) {
                size = extract(diff, asRoot, hashing);
                hashing.transferTo(OutputStream.nullOutputStream());
            }
            String actual = Digests.of(hash);
            if (!actual.equals(diffId)) {
                throw new EngineException(Kind.INVALID, "layer " + blob + ": its uncompressed content has digest "
                        + actual + " but the image's config names diff id " + diffId + "; nothing was stored");
            }
            Whiteouts.convert(diff, lowers);
            LayerInfo info = new LayerInfo(chainId, diffId, parentChain, size);
            AtomicFile.write(temp.resolve("layer.json"), JSON.writeValueAsBytes(info));
            try {
                Files.move(temp, dir(chainId), StandardCopyOption.ATOMIC_MOVE);
                AtomicFile.syncDirectory(root);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                LOG.fine(() -> "layer " + chainId + " was unpacked meanwhile by another load");
            }
            return info;
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot unpack layer " + blob + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Directories.deleteTree(temp);
                } catch (IOException e) {
                    LOG.warning(() -> "cannot delete " + e.getMessage() + "; it is removed at the next start");
                }
            }
        }
    }

    /** Deletes a layer; its directory is renamed aside first so it vanishes at once. */
    public void delete(String chainId) throws IOException {
        Path aside = root.resolve(TEMP_PREFIX + "rm-" + Digests.hex(chainId));
        Directories.deleteTree(aside);
        if (Files.exists(dir(chainId))) {
            Files.move(dir(chainId), aside, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(root);
            Directories.deleteTree(aside);
        }
    }

    /** Every unpacked layer's chain id. */
    public List<String> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{64}"))
                    .map(n -> Digests.SHA256 + n).toList();
        }
    }

    /** An empty layer (a tar with only its end-of-archive blocks) is valid here, unlike in an import. */
    private static long extract(Path diff, boolean asRoot, InputStream tar) {
        try {
            return new TarExtractor(diff, new EntryAttributes(asRoot)).extract(new TarArchiveInputStream(tar, "UTF-8"));
        } catch (EngineException e) {
            if (e.kind() == Kind.INVALID && e.getMessage().endsWith("it has no entries")) {
                return 0;
            }
            throw e;
        }
    }

    private static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }
}
