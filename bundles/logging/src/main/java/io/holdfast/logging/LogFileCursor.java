package io.holdfast.logging;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Reads a log file that another process appends to: each call hands on the complete lines written so far and keeps a
 * line that is still being written for the next call. Lines are split on bytes and decoded only when complete, so a
 * character the writer has half written is never decoded half. When the writer replaces the file (conmon does at
 * {@code max-size}: a new, empty file under the same name), the rest of the old one is read and the cursor moves on
 * to the new one, so a follow never stalls on a file nobody writes any more.
 */
final class LogFileCursor implements Closeable {
    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
    private FileChannel channel;
    private Object fileKey;

    LogFileCursor(Path file) throws IOException {
        this.file = file;
        open();
    }

    private void open() throws IOException {
        FileChannel opened = FileChannel.open(file, StandardOpenOption.READ);
        try {
            fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
    }

    /**
     * Moves the start of reading close to the end, to the first record of the last {@code lines} whole lines (or
     * a little before: the reader keeps only the last ones), so {@code logs --tail N} reads the end of a large log,
     * not all of it. Scans backwards from the end for record ends, and reads only the few bytes of each record that
     * carry its tag ({@code F} ends a line, {@code P} is a piece of one).
     */
    void startNearLastLines(int lines) throws IOException {
        long end = channel.size();
        long recordEnd = end; // one past the newline of the record found last
        int whole = 0;
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long position = end;
        while (position > 0) {
            long from = Math.max(0, position - chunk.capacity());
            chunk.clear().limit((int) (position - from));
            while (chunk.hasRemaining() && channel.read(chunk, from + chunk.position()) > 0) {
                // fill the chunk
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) != '\n') {
                    continue;
                }
                long start = from + i + 1; // the record after this newline
                if (start < recordEnd && endsALine(start) && ++whole > lines) {
                    channel.position(recordEnd);
                    return;
                }
                recordEnd = start;
            }
            position = from;
        }
        channel.position(0);
    }

    /** Where the next read starts, in bytes from the file's start. */
    long position() throws IOException {
        return channel.position();
    }

    /** Whether the record at {@code start} has the tag {@code F}: {@code <time> <stream> F <text>}. */
    private boolean endsALine(long start) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(96);
        channel.read(head, start);
        int spaces = 0;
        for (int i = 0; i < head.position(); i++) {
            if (head.get(i) == ' ' && ++spaces == 2) {
                return i + 1 < head.position() && head.get(i + 1) == 'F';
            }
        }
        return false;
    }

    void readAvailable(Consumer<K8sFileLine> sink) throws IOException {
        drain(sink);
        if (replaced()) {
            drain(sink); // what the writer added to the old file before it moved on
            FileChannel old = channel;
            carry.reset(); // a line left unfinished in the old file is never finished
            open(); // on failure the old file stays open, and the next call tries again
            old.close();
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
        while (channel.read(buffer.clear()) > 0) {
            buffer.flip();
            byte[] bytes = buffer.array();
            int start = 0;
            int end = buffer.limit();
            for (int i = 0; i < end; i++) {
                if (bytes[i] == '\n') {
                    carry.write(bytes, start, i - start);
                    K8sFileLine line = K8sFileLine.parse(carry.toString(StandardCharsets.UTF_8));
                    if (line != null) {
                        sink.accept(line);
                    }
                    carry.reset();
                    start = i + 1;
                }
            }
            carry.write(bytes, start, end - start);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
