package io.holdfast.cli.engine;

import static io.holdfast.cli.FakeDaemon.ascii;
import static io.holdfast.cli.FakeDaemon.chunk;
import static io.holdfast.cli.FakeDaemon.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.FakeDaemon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDemultiplexerTest {

    @TempDir
    Path directory;

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void framesSplitAcrossChunkBoundariesReachTheirStreams() throws Exception {
        byte[] stream = concat(frame(1, "hello\n"), frame(2, "oops\n"), frame(1, "a longer line of output\n"),
                frame(2, ""), frame(1, "bye\n"));
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            // Chunks of 3 bytes cut through headers and payloads alike.
            daemon.on("GET", "/containers/c/logs", (request, out) -> {
                out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
                for (int at = 0; at < stream.length; at += 3) {
                    out.write(chunk(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 3))));
                    out.flush();
                }
                out.write(ascii("0\r\n\r\n"));
            });
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            new EngineClient(EngineHost.parse(daemon.uri()))
                    .logs("c", new LogOptions(true, 10, true, null, null), new LogDemultiplexer(stdout, stderr));

            assertEquals("hello\na longer line of output\nbye\n", stdout.toString(StandardCharsets.UTF_8));
            assertEquals("oops\n", stderr.toString(StandardCharsets.UTF_8));
            assertEquals("/containers/c/logs?stdout=1&stderr=1&follow=1&tail=10&timestamps=1",
                    daemon.only("GET", "/containers/c/logs").target());
            assertTrue(daemon.failures().isEmpty(), daemon.failures()::toString);
        }
    }

    @Test
    void eachFrameIsWrittenAndFlushedBeforeTheNextArrives() throws Exception {
        CountDownLatch firstLineShown = new CountDownLatch(1);
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            daemon.on("GET", "/containers/c/logs", (request, out) -> {
                out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
                out.write(chunk(frame(1, "first\n")));
                out.flush();
                if (!firstLineShown.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("first frame was not flushed to stdout while following");
                }
                out.write(chunk(frame(1, "second\n")));
                out.write(ascii("0\r\n\r\n"));
            });
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            OutputStream stdout = new OutputStream() {
                private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

                @Override
                public void write(int b) {
                    pending.write(b);
                }

                @Override
                public void flush() {
                    shown.writeBytes(pending.toByteArray());
                    pending.reset();
                    if (shown.toString(StandardCharsets.UTF_8).contains("first\n")) {
                        firstLineShown.countDown();
                    }
                }
            };

            new EngineClient(EngineHost.parse(daemon.uri()))
                    .logs("c", new LogOptions(true, null, false, null, null), new LogDemultiplexer(stdout, OutputStream.nullOutputStream()));

            assertEquals("first\nsecond\n", shown.toString(StandardCharsets.UTF_8));
            assertTrue(daemon.failures().isEmpty(), daemon.failures()::toString);
        }
    }

    @Test
    void readsFramesDeliveredOneByteAtATime() throws Exception {
        byte[] stream = concat(frame(2, "err"), frame(1, "out"), frame(0, "stdin goes to stdout"));
        ByteArrayInputStream source = new ByteArrayInputStream(stream);
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return source.read(buffer, offset, Math.min(1, length));
            }
        };
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        new LogDemultiplexer(stdout, stderr).copy(trickle);

        assertEquals("outstdin goes to stdout", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("err", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void largeFrameLengthsUseAllFourBytes() throws Exception {
        String payload = "x".repeat(70_000); // length 0x00011170: needs the high length bytes
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        new LogDemultiplexer(stdout, OutputStream.nullOutputStream()).copy(new ByteArrayInputStream(frame(1, payload)));

        assertEquals(payload, stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamCutInsideAFrameIsAnError() {
        byte[] whole = frame(1, "complete payload");
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);

        assertThrows(EOFException.class, () -> new LogDemultiplexer(OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream()).copy(new ByteArrayInputStream(cut)));
    }

    @Test
    void stopsCopyingOnceStdoutIsGone() throws Exception {
        PrintStream closedPipe = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(frame(1, "first\n")), new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read past the frame whose write failed");
            }
        });

        new LogDemultiplexer(closedPipe, OutputStream.nullOutputStream()).copy(endless);
    }
}
