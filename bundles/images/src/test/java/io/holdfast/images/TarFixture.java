package io.holdfast.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds test tarballs entry by entry, names exactly as given (absolute and {@code ..} names included). */
final class TarFixture {
    static final FileTime MTIME = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TarFixture() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** The busybox-like tarball most tests use. */
    static TarFixture busybox() {
        return new TarFixture()
                .dir("bin/", 0755)
                .file("bin/busybox", 0755, "#!busybox\n")
                .symlink("bin/sh", "busybox")
                .symlink("bin/ls", "/bin/busybox")
                .dir("etc/", 0755)
                .file("etc/hostname", 0644, "holdfast\n");
    }

    TarFixture dir(String name, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
        entry.setMode(040000 | mode);
        return add(entry, null);
    }

    TarFixture file(String name, int mode, String content) {
        return file(name, mode, content, 0, 0);
    }

    TarFixture file(String name, int mode, String content, int uid, int gid) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(0100000 | mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        return add(entry, content.getBytes(StandardCharsets.UTF_8));
    }

    TarFixture symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        entry.setMode(0120777);
        return add(entry, null);
    }

    TarFixture hardLink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        entry.setMode(0100644);
        return add(entry, null);
    }

    TarFixture fifo(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
        entry.setMode(010644);
        return add(entry, null);
    }

    private TarFixture add(TarArchiveEntry entry, byte[] content) {
        try {
            entry.setModTime(MTIME);
            entry.setSize(content == null ? 0 : content.length);
            tar.putArchiveEntry(entry);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes the archive and writes it to {@code file} as a plain tar. */
    Path writeTo(Path file) throws IOException {
        Files.write(file, finish());
        return file;
    }

    /** Finishes the archive and writes it to {@code file} gzip-compressed. */
    Path writeGzipTo(Path file) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(finish());
        }
        return file;
    }

    private byte[] finish() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }
}
