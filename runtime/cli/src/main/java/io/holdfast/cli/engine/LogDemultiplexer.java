package io.holdfast.cli.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Splits Docker's multiplexed log stream: frames of an 8-byte header (stream type, three zero
 * bytes, big-endian uint32 payload length) then the payload. Type 2 goes to stderr, anything else
 * (1 stdout, 0 stdin) to stdout. Payload is written and flushed as it arrives, so a followed log
 * is never held back waiting for the rest of a frame or the next chunk.
 */
public final class LogDemultiplexer {

    private static final int HEADER = 8;
    private static final int STDERR = 2;

    private final OutputStream stdout;
    private final OutputStream stderr;

    public LogDemultiplexer(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Copies frames until the stream ends; a stream cut inside a frame ends with an EOFException. */
    public void copy(InputStream in) throws IOException {
        byte[] header = new byte[HEADER];
        byte[] buffer = new byte[32 * 1024];
        while (true) {
            int got = in.readNBytes(header, 0, HEADER);
            if (got == 0) {
                return;
            }
            if (got < HEADER) {
                throw new EOFException("log stream ended inside a frame header");
            }
            OutputStream target = header[0] == STDERR ? stderr : stdout;
            long left = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16)
                    | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("log stream ended inside a frame");
                }
                target.write(buffer, 0, n);
                target.flush();
                left -= n;
            }
            target.flush();
            if (target instanceof PrintStream printing && printing.checkError()) {
                return; // our reader went away (`logs -f | head`): stop copying, as SIGPIPE would stop Docker
            }
        }
    }
}
