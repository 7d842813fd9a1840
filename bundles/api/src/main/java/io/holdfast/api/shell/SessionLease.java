package io.holdfast.api.shell;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The open response of {@code POST /holdfast/shell/sessions}: the client keeps reading it for as long as it runs,
 * and a newline written now and then finds out when it has gone (its write fails), which ends the session. It also
 * keeps the connection from Jetty's idle timeout. Writes never overlap: one at a time, from one thread.
 */
final class SessionLease {
    private static final ByteBuffer BEAT = ByteBuffer.wrap("\n".getBytes(StandardCharsets.US_ASCII));

    private final Response response;
    private final Callback done;
    private final Runnable onGone;
    private boolean writing;
    private boolean finished;
    private boolean finishWhenWritten;

    SessionLease(Response response, Callback done, Runnable onGone) {
        this.response = response;
        this.done = done;
        this.onGone = onGone;
    }

    /** Writes the first line ({@code {"Id":...}}); the client reads it before anything else. */
    void start(byte[] firstLine) {
        write(ByteBuffer.wrap(firstLine));
    }

    void heartbeat() {
        write(BEAT.duplicate());
    }

    /** Ends the response; the client reads the end of its stream. */
    synchronized void finish() {
        if (finished) {
            return;
        }
        if (writing) {
            finishWhenWritten = true;
            return;
        }
        finished = true;
        response.write(true, ByteBuffer.allocate(0), done);
    }

    private synchronized void write(ByteBuffer bytes) {
        if (writing || finished) {
            return;
        }
        writing = true;
        response.write(false, bytes, Callback.from(this::written, this::failed));
    }

    private void written() {
        boolean finishNow;
        synchronized (this) {
            writing = false;
            finishNow = finishWhenWritten;
        }
        if (finishNow) {
            finish();
        }
    }

    private void failed(Throwable cause) {
        synchronized (this) {
            writing = false;
            finished = true;
        }
        done.failed(cause);
        onGone.run();
    }
}
