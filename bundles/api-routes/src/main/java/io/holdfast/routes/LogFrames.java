package io.holdfast.routes;

import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Docker's multiplexed log stream: each line is a frame with an 8-byte header (stream 1 = stdout, 2 = stderr; three
 * zero bytes; the payload length as a big-endian uint32), so clients can split stdout from stderr.
 *
 * <p>A container with a terminal has a single output stream, and Docker sends it raw, without frames: each piece as
 * the terminal wrote it (read with {@link io.holdfast.spi.logs.LogQuery#asWritten()}), so a prompt or an echoed key
 * reaches the client before its line ends.
 */
final class LogFrames implements LogSink {
    private static final DateTimeFormatter RFC3339_NANO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private final OutputStream out;
    private final boolean stdout;
    private final boolean stderr;
    private final boolean timestamps;
    private final boolean raw;
    /** Raw output only: the next piece starts a line (where a timestamp goes). */
    private boolean atLineStart = true;

    LogFrames(OutputStream out, boolean stdout, boolean stderr, boolean timestamps) {
        this(out, stdout, stderr, timestamps, false);
    }

    /** @param raw no frames: a terminal's output, one stream, pieces as written */
    LogFrames(OutputStream out, boolean stdout, boolean stderr, boolean timestamps, boolean raw) {
        this.out = new BufferedOutputStream(out, 32 * 1024);
        this.stdout = stdout;
        this.stderr = stderr;
        this.timestamps = timestamps;
        this.raw = raw;
    }

    @Override
    public void accept(LogEntry entry) {
        boolean isErr = entry.stream().equals("stderr");
        if (isErr ? !stderr : !stdout) {
            return;
        }
        try {
            if (raw) {
                writeRaw(entry);
                return;
            }
            String text = (timestamps ? RFC3339_NANO.format(entry.time()) + " " : "") + entry.line()
                    + (entry.partial() ? "" : "\n"); // output that ended without a newline gets none
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            out.write(new byte[] {(byte) (isErr ? 2 : 1), 0, 0, 0, (byte) (payload.length >>> 24),
                    (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length});
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    private void writeRaw(LogEntry entry) throws IOException {
        String stamp = timestamps && atLineStart ? RFC3339_NANO.format(entry.time()) + " " : "";
        out.write((stamp + entry.line() + (entry.partial() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        atLineStart = !entry.partial();
    }

    @Override
    public void caughtUp() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }
}
