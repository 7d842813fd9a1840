package io.holdfast.logging;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a log file that another process appends to: each call hands on the complete lines written so far and keeps a
 * line that is still being written for the next call.
 */
final class LogFileCursor implements Closeable {
    private final FileChannel channel;
    private final BufferedReader reader;
    private final StringBuilder carry = new StringBuilder();

    LogFileCursor(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8),
                64 * 1024);
    }

    void readAvailable(Consumer<K8sFileLine> sink) throws IOException {
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
