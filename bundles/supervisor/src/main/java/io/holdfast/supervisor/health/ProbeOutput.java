package io.holdfast.supervisor.health;

import io.holdfast.spi.container.HealthProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a probe wrote, read back from its exec's log (the monitor's k8s-file lines:
 * {@code 2026-11-25T16:04:16.822669964+00:00 stdout F text}), stdout and stderr in the order written, up to
 * Docker's {@link HealthProbe#MAX_OUTPUT_BYTES}.
 */
public final class ProbeOutput {
    private ProbeOutput() {
    }

    public static String read(Path log) throws IOException {
        StringBuilder text = new StringBuilder();
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null && text.length() <= HealthProbe.MAX_OUTPUT_BYTES; ) {
                appendContent(line, text);
            }
        } catch (NoSuchFileException nothingWritten) {
            return "";
        }
        return text.toString();
    }

    /** Appends a line's content, and a newline when it is the last part of a logical line; skips torn lines. */
    static void appendContent(String line, StringBuilder text) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0 || second + 2 > line.length()) {
            return;
        }
        char tag = line.charAt(second + 1);
        if (tag != 'P' && tag != 'F') {
            return;
        }
        text.append(second + 3 <= line.length() ? line.substring(second + 3) : "");
        if (tag == 'F') {
            text.append('\n');
        }
    }
}
