package io.holdfast.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data-root>/holdfastd.pid}, holding the engine's pid. The kernel drops it when the
 * process dies, even by SIGKILL, so a crashed engine never blocks the next one.
 */
final class DataRootLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataRootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataRootLock acquire(Path dataRoot) throws ConfigException {
        Path file = dataRoot.resolve("holdfastd.pid");
        try {
            io.holdfast.common.io.Directories.createPrivate(dataRoot);
            FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(io.holdfast.common.io.FileModes.PRIVATE_FILE));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file).strip();
                channel.close();
                throw new ConfigException("data-root " + dataRoot + " is in use by another holdfastd"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; give each engine its own data root");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataRootLock(channel, lock);
        } catch (IOException e) {
            throw new ConfigException("data-root " + dataRoot + ": cannot lock " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is giving the data root up anyway
        }
    }
}
