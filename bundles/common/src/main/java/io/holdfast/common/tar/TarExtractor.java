package io.holdfast.common.tar;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts a tar stream into an empty root directory without ever touching anything outside it.
 *
 * <p>Why it is safe: entry names and link targets are resolved lexically by {@link ArchivePath}, which cannot climb
 * above the root; every parent directory is checked with {@code NOFOLLOW_LINKS} before anything is created in it, so
 * a symbolic link the archive planted earlier is never written through; a file or link already at an entry's name is
 * removed rather than opened, and new files are created with {@code CREATE_NEW} ({@code O_EXCL}), which refuses to
 * follow a link. Symbolic link targets are checked lexically only: they are stored, never followed, here.
 *
 * <p>Directory modes and times are applied at the end, so a read-only directory does not stop its own entries and
 * writing into it does not spoil its mtime. Devices and FIFOs are skipped: the runtime creates {@code /dev}.
 */
public final class TarExtractor {
    private final RootTree tree;
    private final EntryAttributes attributes;
    private final Map<ArchivePath, TarArchiveEntry> directories = new LinkedHashMap<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long size;

    /** Whether replacing a directory with a non-directory, or the reverse, is refused (Docker's noOverwriteDirNonDir). */
    private final boolean keepTypes;

    /** @param root an existing, empty directory that only this extractor writes to */
    public TarExtractor(Path root, EntryAttributes attributes) {
        this(root, attributes, false);
    }

    /**
     * @param root      an existing directory; what the archive holds replaces what is there, name by name
     * @param keepTypes refuse to replace a directory with a non-directory or the reverse, as Docker's
     *                  {@code noOverwriteDirNonDir} does
     */
    public TarExtractor(Path root, EntryAttributes attributes, boolean keepTypes) {
        this.tree = new RootTree(root);
        this.attributes = attributes;
        this.keepTypes = keepTypes;
    }

    /**
     * Extracts every entry of {@code tar}.
     *
     * @return the bytes of the regular files extracted
     * @throws EngineException {@code INVALID} naming the entry for unsafe or unreadable input, {@code FAILED} when
     *                         writing fails
     */
    public long extract(TarArchiveInputStream tar) {
        int count = 0;
        for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
            count++;
            extract(tar, entry);
        }
        if (count == 0) {
            throw new EngineException(Kind.INVALID, "invalid tar archive: it has no entries");
        }
        finishDirectories();
        return size;
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid tar archive: " + e.getMessage(), e);
        }
    }

    private void extract(InputStream content, TarArchiveEntry entry) {
        String name = entry.getName();
        try {
            ArchivePath path = entryPath(name);
            byte type = entry.getLinkFlag();
            if (type == TarConstants.LF_SYMLINK) {
                symlink(name, path, entry);
            } else if (type == TarConstants.LF_LINK) {
                hardLink(name, path, entry);
            } else if (type == TarConstants.LF_CHR || type == TarConstants.LF_BLK || type == TarConstants.LF_FIFO) {
                return;
            } else if (entry.isDirectory()) {
                directory(name, path, entry);
            } else if (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
                    || type == TarConstants.LF_CONTIG || entry.isGNUSparse()) {
                file(name, path, entry, content);
            } else {
                throw reject(name, "unsupported entry type '" + (char) type + "'");
            }
        } catch (InvalidPathException e) {
            throw reject(name, "not a valid file name (" + e.getReason() + ")");
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, name + ": cannot extract: " + describe(e), e);
        }
    }

    private static ArchivePath entryPath(String name) {
        String relative = name.startsWith("./") ? name.substring(2) : name;
        if (relative.startsWith("/")) {
            throw reject(name, "absolute path names are not allowed");
        }
        return ArchivePath.ROOT.resolve(relative)
                .orElseThrow(() -> reject(name, "path escapes the root through \"..\""));
    }

    private void directory(String name, ArchivePath path, TarArchiveEntry entry) throws IOException {
        if (!path.isRoot()) {
            tree.createParents(name, path);
            BasicFileAttributes existing = tree.attributesOf(path);
            if (existing != null && !existing.isDirectory()) {
                if (keepTypes) {
                    throw reject(name, "cannot overwrite non-directory \"" + path + "\" with directory");
                }
                tree.remove(path);
                existing = null;
            }
            if (existing == null) {
                tree.createDirectory(path);
            }
        }
        directories.remove(path);
        directories.put(path, entry);
    }

    private void file(String name, ArchivePath path, TarArchiveEntry entry, InputStream content) throws IOException {
        Path target = prepare(name, path);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            size += copy(name, content, out);
        }
        attributes.applyAll(target, entry);
    }

    private void symlink(String name, ArchivePath path, TarArchiveEntry entry) throws IOException {
        String linkTarget = entry.getLinkName();
        if (linkTarget == null || linkTarget.isEmpty()) {
            throw reject(name, "symbolic link has an empty target");
        }
        if (path.linkTarget(linkTarget).isEmpty()) {
            throw reject(name, "symbolic link target \"" + linkTarget + "\" points outside the root");
        }
        Path target = prepare(name, path);
        Files.createSymbolicLink(target, Path.of(linkTarget));
        attributes.applyToLink(target, entry);
    }

    private void hardLink(String name, ArchivePath path, TarArchiveEntry entry) throws IOException {
        String linkName = entry.getLinkName() == null ? "" : entry.getLinkName();
        ArchivePath existing = ArchivePath.ROOT.resolve(linkName.startsWith("./") ? linkName.substring(2) : linkName)
                .orElseThrow(() -> reject(name, "hard link target \"" + linkName + "\" points outside the root"));
        if (path.contains(existing)) {
            throw reject(name, "hard link target \"" + linkName + "\" is the link itself or lies inside it");
        }
        if (!tree.isNonDirectoryReachedDirectly(existing)) {
            throw reject(name, "hard link target \"" + linkName + "\" is not a file extracted earlier from the archive");
        }
        Path target = prepare(name, path);
        Files.createLink(target, tree.resolve(existing));
    }

    /** Makes room for a non-directory entry: parents checked or created, whatever sits at the name removed. */
    private Path prepare(String name, ArchivePath path) throws IOException {
        if (path.isRoot()) {
            throw reject(name, "cannot replace the root directory");
        }
        tree.createParents(name, path);
        if (keepTypes) {
            BasicFileAttributes existing = tree.attributesOf(path);
            if (existing != null && existing.isDirectory()) {
                throw reject(name, "cannot overwrite directory \"" + path + "\" with non-directory");
            }
        }
        tree.remove(path);
        directories.keySet().removeIf(path::contains);
        return tree.resolve(path);
    }

    /** Applies directory modes and times last; a directory later replaced or moved behind a link is skipped. */
    private void finishDirectories() {
        List<Map.Entry<ArchivePath, TarArchiveEntry>> pending = new ArrayList<>(directories.entrySet());
        for (int i = pending.size() - 1; i >= 0; i--) {
            ArchivePath path = pending.get(i).getKey();
            TarArchiveEntry entry = pending.get(i).getValue();
            try {
                if (tree.isRealDirectoryChain(path)) {
                    attributes.applyAll(tree.resolve(path), entry);
                }
            } catch (IOException e) {
                throw new EngineException(Kind.FAILED, entry.getName() + ": cannot set attributes: " + describe(e), e);
            }
        }
    }

    private long copy(String name, InputStream in, OutputStream out) throws IOException {
        long total = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, name + ": cannot read from the archive: " + e.getMessage(), e);
            }
            if (n < 0) {
                return total;
            }
            out.write(buffer, 0, n);
            total += n;
        }
    }

    private static EngineException reject(String name, String why) {
        return RootTree.reject(name, why);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
