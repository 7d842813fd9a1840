package io.holdfast.common.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash at any instant leaves either the old content or the new, never a torn mix:
 * write a temporary file beside it, fsync it, rename it over the target, fsync the directory. Files are 0600 and
 * missing directories 0700 ({@link Directories#createPrivate}): state may hold secrets.
 *
 * <pre>{@code AtomicFile.write(dir.resolve("state.json"), json);
 * AtomicFile.write(dir.resolve("hosts"), text, FileModes.READABLE_FILE); // bound into a container}</pre>
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code target} with mode 0600. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, FileModes.PRIVATE_FILE);
    }

    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Directories.createPrivate(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_FILE))) {
            // a temporary file left by a crash keeps its old mode through CREATE: set it before any byte is written
            Files.setPosixFilePermissions(temp, mode);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Makes a rename or delete in {@code dir} durable. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Whether {@code name} is a temporary file left by a write that a crash interrupted. */
    public static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(".tmp-");
    }
}
