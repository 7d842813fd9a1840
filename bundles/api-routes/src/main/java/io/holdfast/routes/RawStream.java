package io.holdfast.routes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The raw byte stream a Docker client gets after {@code 101 UPGRADED} ({@code attach}, {@code exec start}): Jetty
 * hands the connection over to this once the upgrade response is written. One thread writes, blocking; bytes written
 * before the hand-over are kept and go first, so a stream can start reading before the client is told to go on.
 * What the client sends goes to an {@link Input} (a container's stdin), or is dropped when there is none.
 */
final class RawStream extends AbstractConnection implements Connection.UpgradeTo {
    /** Receives what the client sends, in order, on Jetty's threads; may block to slow the client down. */
    interface Input {
        void received(byte[] bytes) throws InterruptedException;

        /** The client closed its sending side; nothing more comes. */
        void ended() throws InterruptedException;
    }

    private static final Input DROP = new Input() {
        @Override
        public void received(byte[] bytes) {
        }

        @Override
        public void ended() {
        }
    };

    private final ByteBuffer buffer = ByteBuffer.allocate(4096);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final Object lock = new Object();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean open;
    private volatile Input input = DROP;
    /** The writer closed the stream before the hand-over: close once what it wrote has gone out. */
    private boolean closeWhenOpen;

    RawStream(EndPoint endPoint, Executor executor) {
        super(endPoint, executor);
    }

    /** Where the client's bytes go from now on; set it before the hand-over. */
    void input(Input target) {
        input = target;
    }

    /** Writes to the client; blocks until the bytes are written, or keeps them until the hand-over. */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (lock) {
                    if (!open) {
                        pending.write(bytes, offset, length);
                        return;
                    }
                    sendPending();
                }
                send(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void flush() throws IOException {
                synchronized (lock) {
                    if (open) {
                        sendPending();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (lock) {
                    if (!open) {
                        closeWhenOpen = true; // closing now would cut off the 101 itself
                        return;
                    }
                }
                flush();
                getEndPoint().close();
            }
        };
    }

    /** Completes once the {@code 101} is out and the connection is this stream's. */
    CompletableFuture<Void> opened() {
        return opened;
    }

    /** Completes when the connection is closed, by either side. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void onUpgradeTo(ByteBuffer sentAlready) {
        if (sentAlready != null && sentAlready.hasRemaining()) { // sent right behind the request
            byte[] bytes = new byte[sentAlready.remaining()];
            sentAlready.get(bytes);
            deliver(bytes);
        }
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(0); // an attached client may see no output for hours
        boolean closeNow;
        synchronized (lock) {
            open = true;
            closeNow = closeWhenOpen;
        }
        opened.complete(null);
        if (closeNow) {
            getExecutor().execute(() -> {
                try {
                    synchronized (lock) {
                        sendPending();
                    }
                } catch (IOException e) {
                    // the client went away; the stream is closed either way
                } finally {
                    getEndPoint().close();
                }
            });
            return;
        }
        fillInterested();
    }

    @Override
    public void onFillable() {
        try {
            while (true) {
                BufferUtil.clear(buffer); // Jetty fills from the limit on: empty, in flush mode
                int read = getEndPoint().fill(buffer);
                if (read < 0) {
                    input.ended(); // the client closed its sending side (no more stdin); it still reads the output
                    return;
                }
                if (read == 0) {
                    fillInterested();
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                input.received(bytes);
            }
        } catch (IOException e) {
            getEndPoint().close(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            getEndPoint().close(e);
        }
    }

    private void deliver(byte[] bytes) {
        try {
            input.received(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return false;
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        closed.complete(null);
    }

    private void sendPending() throws IOException {
        if (pending.size() > 0) {
            send(ByteBuffer.wrap(pending.toByteArray()));
            pending.reset();
        }
    }

    private void send(ByteBuffer bytes) throws IOException {
        Callback.Completable written = new Callback.Completable();
        getEndPoint().write(written, bytes);
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to the client");
        } catch (ExecutionException e) {
            throw new IOException("the client went away", e.getCause());
        }
    }
}
