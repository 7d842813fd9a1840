package io.holdfast.supervisor.archive;

import io.holdfast.common.tar.EntryAttributes;
import io.holdfast.common.tar.TarExtractor;
import io.holdfast.common.tar.TarWriter;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.PathStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Docker's archive endpoints and export over one container's root file system, seen from the host: stat, tar out,
 * tar in (through the tar-slip safe {@link TarExtractor}), and the whole tree.
 */
public final class ContainerArchives {
    private final Path root;
    private final String container;

    /** @param container how errors name the container */
    public ContainerArchives(Path root, String container) {
        this.root = root;
        this.container = container;
    }

    public PathStat stat(String path) {
        try {
            Path host = ScopedPath.resolveParent(root, absolute(path));
            BasicFileAttributes basic = attributes(host, path);
            int unixMode = (Integer) Files.getAttribute(host, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            long mode = goMode(unixMode, basic);
            String linkTarget = basic.isSymbolicLink()
                    ? ScopedPath.inContainer(root, ScopedPath.resolve(root, absolute(path))) : "";
            return new PathStat(ScopedPath.base(absolute(path)), basic.size(), mode,
                    basic.lastModifiedTime().toInstant(), linkTarget);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot stat " + path + " in container " + container + ": "
                    + e.getMessage(), e);
        }
    }

    public void archive(String path, OutputStream out) {
        String absolute = absolute(path);
        try {
            Path host = ScopedPath.resolveParent(root, absolute);
            attributes(host, path);
            String name = absolute.endsWith("/.") || absolute.equals("/") ? "." : ScopedPath.base(absolute);
            try (TarWriter tar = new TarWriter(out)) {
                tar.write(host, name);
            }
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot archive " + path + " in container " + container + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param keepTypes     refuse to replace a directory with a non-directory or the reverse
     * @param keepOwners    keep the tar's owners (Docker's {@code copyUIDGID}); otherwise root owns everything
     */
    public void extract(String path, InputStream in, boolean keepTypes, boolean keepOwners) {
        Path host;
        try {
            host = ScopedPath.resolve(root, absolute(path));
            if (!attributes(host, path).isDirectory()) {
                throw new EngineException(Kind.INVALID, "extraction point is not a directory: " + path);
            }
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot resolve " + path + " in container " + container + ": "
                    + e.getMessage(), e);
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            EntryAttributes attributes = new EntryAttributes(isRoot());
            new TarExtractor(host, keepOwners ? attributes : attributes.ownedBy(0, 0), keepTypes).extract(tar);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot extract into " + path + ": " + e.getMessage(), e);
        }
    }

    public void export(OutputStream out) {
        try (TarWriter tar = new TarWriter(out)) {
            tar.writeContents(root);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot export container " + container + ": " + e.getMessage(), e);
        }
    }

    private BasicFileAttributes attributes(Path host, String path) throws IOException {
        try {
            return Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new EngineException(Kind.NOT_FOUND, "Could not find the file " + path + " in container "
                    + container);
        }
    }

    /** Go's {@code os.FileMode}: permission bits, setuid/setgid/sticky and the type in Go's own bits. */
    static long goMode(int unixMode, BasicFileAttributes basic) {
        long mode = unixMode & 0777;
        if ((unixMode & 04000) != 0) {
            mode |= 1L << 23;
        }
        if ((unixMode & 02000) != 0) {
            mode |= 1L << 22;
        }
        if ((unixMode & 01000) != 0) {
            mode |= 1L << 20;
        }
        if (basic.isDirectory()) {
            mode |= PathStat.MODE_DIRECTORY;
        } else if (basic.isSymbolicLink()) {
            mode |= PathStat.MODE_SYMLINK;
        } else if (basic.isOther()) {
            mode |= 1L << 26; // a device, FIFO or socket: Go tells them apart, Docker's clients do not need to
        }
        return mode;
    }

    private static String absolute(String path) {
        if (path == null || path.isEmpty()) {
            throw new EngineException(Kind.INVALID, "path: a path in the container is required");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
