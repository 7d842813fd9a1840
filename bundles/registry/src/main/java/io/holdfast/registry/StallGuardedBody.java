package io.holdfast.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose reads fail once no byte has arrived for the stall timeout. The JDK
 * client's request timeout ends when the headers arrive, so without this a registry or proxy that stops sending
 * mid-blob would hang the pull forever instead of letting it resume with a {@code Range}.
 */
final class StallGuardedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final long stallNanos;
    private volatile Flow.Subscription subscription;
    private ByteBuffer current;
    private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
    private boolean ended;

    private StallGuardedBody(Duration stall) {
        this.stallNanos = stall.toNanos();
    }

    /** A body handler whose body is a stall-guarded stream. */
    static HttpResponse.BodyHandler<InputStream> handler(Duration stall) {
        return info -> new StallGuardedBody(stall);
    }

    /** The stream is handed out with the headers; its reads wait for the bytes. */
    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        chunks.add(throwable);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (pending.hasNext()) {
                current = pending.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private void next() throws IOException {
        Object item;
        try {
            item = chunks.poll(stallNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the response", e);
        }
        if (item == null) {
            close();
            throw new IOException("no data for " + Duration.ofNanos(stallNanos).toSeconds() + " s; connection stalled");
        }
        if (item == END) {
            ended = true;
            return;
        }
        if (item instanceof Throwable t) {
            ended = true;
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        }
        pending = ((List<ByteBuffer>) item).iterator();
        subscription.request(1);
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        ended = true;
    }
}
