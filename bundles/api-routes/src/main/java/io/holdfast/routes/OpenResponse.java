package io.holdfast.routes;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A streamed response that outlives the call that started it: the handler returns at once and no thread waits for
 * the client ({@code wait}, {@code events}, {@code logs -f}). Writes complete through callbacks; the response ends
 * with {@link #finish} or {@link #fail}, or when the client goes away (the resident sockets notice a hang-up within
 * a second, see {@code bundles/api} PeerWatch), and then runs the clean-up actions registered with {@link #onEnd}
 * exactly once.
 *
 * <pre>{@code
 * OpenResponse out = exchange.open(200, "application/json");   // headers go out now
 * out.onEnd(subscription::close);
 * future.thenAccept(code -> out.finish(json(code)));
 * }</pre>
 */
final class OpenResponse {
    private static final Logger LOG = Logger.getLogger(OpenResponse.class.getName());
    /** The request attribute the resident sockets watch for hang-ups (bundles/api PeerWatch.LONG_RESPONSE). */
    static final String LONG_RESPONSE = "holdfast.long-response";

    private final Response response;
    private final Callback callback;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Runnable> cleanUps = new CopyOnWriteArrayList<>();

    OpenResponse(Request request, Response response, Callback callback, int status, String contentType) {
        this.response = response;
        this.callback = callback;
        // the resident sockets call this when the client hangs up (bundles/api PeerWatch)
        request.setAttribute(LONG_RESPONSE, (java.util.function.Consumer<Throwable>) this::fail);
        request.addFailureListener(this::fail);
        // a quiet stream is not a dead one (a wait may last days): hang-ups are PeerWatch's to notice; only a write
        // the client has not taken for an idle timeout ends the response
        request.addIdleTimeoutListener(timeout -> writing.get() > 0);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }

    /** Sends the status line and headers now (clients such as {@code docker run} wait for them). */
    void commit() {
        write(new byte[0], () -> { });
    }

    /** Writes {@code bytes}; {@code then} runs once they are sent, never if the response ended meanwhile. */
    void write(byte[] bytes, Runnable then) {
        if (ended.get()) {
            return;
        }
        writing.incrementAndGet();
        response.write(false, ByteBuffer.wrap(bytes), Callback.from(() -> {
            writing.decrementAndGet();
            if (!ended.get()) {
                then.run();
            }
        }, failure -> {
            writing.decrementAndGet();
            fail(failure);
        }));
    }

    /**
     * The response as a stream that blocks its writer until each write is sent, for a writer on a thread of its own
     * ({@code logs -f}); never close it: {@link #finish} ends the response.
     */
    java.io.OutputStream blockingStream() {
        return Content.Sink.asOutputStream(response);
    }

    /** Ends the response with {@code last} as its final bytes. */
    void finish(byte[] last) {
        if (ended.compareAndSet(false, true)) {
            cleanUp();
            response.write(true, ByteBuffer.wrap(last), callback);
        }
    }

    /** Ends the response abruptly (the client went away, or a write failed). */
    void fail(Throwable failure) {
        if (ended.compareAndSet(false, true)) {
            LOG.fine(() -> "a streamed response ended: " + failure);
            cleanUp();
            callback.failed(failure);
        }
    }

    boolean ended() {
        return ended.get();
    }

    /** Runs {@code cleanUp} when the response ends (at once if it has). */
    void onEnd(Runnable cleanUp) {
        cleanUps.add(cleanUp);
        if (ended.get() && cleanUps.remove(cleanUp)) {
            cleanUp.run();
        }
    }

    private void cleanUp() {
        for (Runnable cleanUp : cleanUps) {
            if (cleanUps.remove(cleanUp)) {
                try {
                    cleanUp.run();
                } catch (RuntimeException e) {
                    LOG.warning("cleaning up after a streamed response failed: " + e);
                }
            }
        }
    }
}
