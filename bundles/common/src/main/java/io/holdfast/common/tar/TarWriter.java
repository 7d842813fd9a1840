package io.holdfast.common.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a file tree as a tar stream, never following a link: files with their content, directories, symbolic links
 * as links; owner, mode and mtime from the file system. Devices, FIFOs and sockets are left out (the runtime makes
 * {@code /dev}); hard links are written as copies.
 */
public final class TarWriter implements AutoCloseable {
    private final TarArchiveOutputStream tar;

    public TarWriter(OutputStream out) {
        tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Writes what is at {@code source} under the entry name {@code name}, a directory with all it holds. */
    public void write(Path source, String name) throws IOException {
        Map<String, Object> unix = Files.readAttributes(source, "unix:*", LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes basic = Files.readAttributes(source, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        if (basic.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(source).toString());
        } else if (basic.isDirectory()) {
            entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        } else if (basic.isRegularFile()) {
            entry = new TarArchiveEntry(name);
            entry.setSize(basic.size());
        } else {
            return;
        }
        entry.setMode(((Number) unix.get("mode")).intValue() & 07777);
        entry.setUserId(((Number) unix.get("uid")).longValue());
        entry.setGroupId(((Number) unix.get("gid")).longValue());
        entry.setModTime(FileTime.from(basic.lastModifiedTime().toInstant()));
        tar.putArchiveEntry(entry);
        if (basic.isRegularFile()) {
            Files.copy(source, tar);
        }
        tar.closeArchiveEntry();
        if (basic.isDirectory()) {
            for (Path child : children(source)) {
                String prefix = name.endsWith("/") ? name : name + "/";
                write(child, prefix + child.getFileName());
            }
        }
    }

    /** Writes everything in {@code directory}, entries named relative to it ({@code bin/}, {@code etc/hostname}). */
    public void writeContents(Path directory) throws IOException {
        for (Path child : children(directory)) {
            write(child, child.getFileName().toString());
        }
    }

    private static List<Path> children(Path directory) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        return children;
    }

    @Override
    public void close() throws IOException {
        tar.finish();
        tar.flush();
    }
}
