package io.holdfast.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One long API request held open on a connection of its own ({@code wait}, {@code logs -f}, {@code events}), as a
 * client that waits would hold it: the test reads its head, keeps it open as long as it likes, then reads the rest
 * or hangs up. Always closed by the test ({@code try}-with-resources or a list closed in {@code finally}).
 *
 * <pre>{@code
 * try (HeldRequest wait = HeldRequest.open(engine, "POST", "/containers/" + id + "/wait")) {
 *     assertEquals(200, wait.status(Duration.ofSeconds(30)));
 *     ... stop the container ...
 *     assertTrue(wait.rest(Duration.ofSeconds(30)).contains("StatusCode"));
 * }
 * }</pre>
 */
public final class HeldRequest implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int headEnd = -1;

    private HeldRequest(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects and sends the request ({@code Connection: close}: the engine closes once the answer is complete). */
    public static HeldRequest open(Engine engine, String method, String path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(java.nio.file.Path.of(engine.host().substring(7))));
            String request = method + " " + path + " HTTP/1.1\r\nHost: holdfast\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new HeldRequest(channel);
    }

    /** The response's status code, once its head has arrived; fails after {@code timeout}. */
    public int status(Duration timeout) throws Exception {
        within(timeout, () -> {
            while (headEnd < 0 && readSome()) {
                headEnd = received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
            }
            return null;
        });
        if (headEnd < 0) {
            throw new IOException("the connection closed before a response head: " + text());
        }
        return Integer.parseInt(text().substring(9, 12));
    }

    /** Everything received until the engine closed the connection; fails after {@code timeout}. */
    public String rest(Duration timeout) throws Exception {
        within(timeout, () -> {
            while (readSome()) {
                // until the end of the stream
            }
            return null;
        });
        return text();
    }

    /** Hangs up, as a client that goes away does. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean readSome() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        int read = channel.read(buffer);
        if (read > 0) {
            received.write(buffer.array(), 0, read);
        }
        return read >= 0;
    }

    private String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Runs a blocking read with a limit: a hang fails the test (the channel is closed) instead of hanging it. */
    private void within(Duration timeout, java.util.concurrent.Callable<Void> reading) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.supplyAsync(() -> {
            try {
                return reading.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            channel.close();
            throw new AssertionError("no answer within " + timeout.toSeconds() + " s; received: " + text());
        }
    }
}
