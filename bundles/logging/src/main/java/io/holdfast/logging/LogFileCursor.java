package io.holdfast.logging;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a log file that another process appends to: each call hands on the complete lines written so far and keeps a
 * line that is still being written for the next call. When the writer replaces the file (conmon does at
 * {@code max-size}: a new, empty file under the same name), the rest of the old one is read and the cursor moves on
 * to the new one, so a follow never stalls on a file nobody writes any more.
 */
final class LogFileCursor implements Closeable {
    private final Path file;
    private FileChannel channel;
    private BufferedReader reader;
    private Object fileKey;
    private final StringBuilder carry = new StringBuilder();

    LogFileCursor(Path file) throws IOException {
        this.file = file;
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8),
                64 * 1024);
    }

    void readAvailable(Consumer<K8sFileLine> sink) throws IOException {
        drain(sink);
        if (replaced()) {
            drain(sink); // what the writer added to the old file before it moved on
            close();
            carry.setLength(0); // a line left unfinished in the old file is never finished
            open();
            drain(sink);
        }
    }

    /** Whether the name now points at another file than the one open. */
    private boolean replaced() throws IOException {
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return now != null && !now.equals(fileKey);
        } catch (NoSuchFileException e) {
            return false; // between the writer's unlink and create: next time
        }
    }

    private void drain(Consumer<K8sFileLine> sink) throws IOException {
        char[] buffer = new char[8192];
        int n;
        while ((n = reader.read(buffer)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    carry.append(buffer, start, i - start);
                    K8sFileLine line = K8sFileLine.parse(carry.toString());
                    if (line != null) {
                        sink.accept(line);
                    }
                    carry.setLength(0);
                    start = i + 1;
                }
            }
            carry.append(buffer, start, n - start);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        channel.close();
    }
}
