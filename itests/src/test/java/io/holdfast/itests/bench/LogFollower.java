package io.holdfast.itests.bench;

import io.holdfast.itests.support.Arrivals;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Follows a counter container's stdout ({@code GET /containers/{id}/logs?follow=1&stdout=1}) on a thread of its own
 * until closed: stamps every line as it arrives and as conmon wrote it (the log's timestamp), so a stall of the writer
 * is told apart from one of the engine, and checks the lines are 0, 1, 2, ... with none missing or repeated.
 */
final class LogFollower implements AutoCloseable {
    private final SocketChannel channel;
    private final Arrivals lines = new Arrivals();
    private final Arrivals written = new Arrivals();
    /** Wall-clock nanoseconds minus {@link System#nanoTime}: puts conmon's timestamps on the arrivals' clock. */
    private final long wallMinusNano = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
    private final Thread thread;
    private long expected;
    private volatile long received;
    private long lost;
    private long outOfOrder;
    private volatile IOException broken;
    private volatile boolean closing;

    LogFollower(Path socket, String containerId) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        String request = "GET /containers/" + containerId + "/logs?follow=1&stdout=1&timestamps=1 HTTP/1.0\r\n"
                + "Host: holdfast\r\n\r\n";
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        thread = new Thread(this::follow, "bench-log-follower");
        thread.setDaemon(true); // never keeps a failed run alive
        thread.start();
    }

    private void follow() {
        try {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            DataInputStream frames = new DataInputStream(body(in));
            byte[] header = new byte[8];
            while (true) {
                frames.readFully(header);
                int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                        | (header[7] & 0xff);
                byte[] payload = new byte[length];
                frames.readFully(payload);
                lines.record();
                String line = new String(payload, StandardCharsets.UTF_8).strip(); // "2026-...Z 42"
                int space = line.indexOf(' ');
                Instant at = Instant.parse(line.substring(0, space));
                written.record(at.getEpochSecond() * 1_000_000_000 + at.getNano() - wallMinusNano);
                count(Long.parseLong(line.substring(space + 1)));
                received++; // written by this thread only
            }
        } catch (IOException e) {
            if (!closing) {
                broken = e;
            }
        }
    }

    /** How many lines arrived so far; readable while following. */
    long received() {
        return received;
    }

    private void count(long value) {
        if (value < expected) {
            outOfOrder++;
            return;
        }
        lost += value - expected;
        expected = value + 1;
    }

    /** Skips the status line and headers; decodes a chunked body, which a streamed response may be. */
    private static InputStream body(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.") || !status.substring(9).startsWith("200")) {
            throw new IOException("following the log: expected 200, found \"" + status + "\"");
        }
        boolean chunked = false;
        for (String header; !(header = line(in)).isEmpty(); ) {
            chunked |= header.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked");
        }
        return chunked ? new Dechunked(in) : in;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("the engine closed the log stream");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    /** When each line arrived (valid once closed). */
    Arrivals lines() {
        return lines;
    }

    /** When conmon wrote each line, on the arrivals' clock (valid once closed). */
    Arrivals written() {
        return written;
    }

    /** Counter values that never arrived (valid once closed). */
    long lost() {
        return lost;
    }

    /** Lines that came again or behind a later one (valid once closed). */
    long outOfOrder() {
        return outOfOrder;
    }

    /** Why the stream ended before it was closed, or null. */
    IOException broken() {
        return broken;
    }

    @Override
    public void close() throws Exception {
        closing = true;
        channel.close(); // ends the blocked read
        thread.join();
    }

    /** HTTP/1.1 chunked transfer coding: hex size line, data, CRLF; a zero size ends it. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) { // the CRLF after the previous chunk
                    size = line(in);
                }
                left = Long.parseLong(size.split(";")[0], 16);
                if (left == 0) {
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
