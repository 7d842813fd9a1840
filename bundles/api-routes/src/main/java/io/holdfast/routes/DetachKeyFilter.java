package io.holdfast.routes;

import java.io.ByteArrayOutputStream;

/**
 * Watches a terminal client's input for its detach keys ({@code ctrl-p,ctrl-q} unless the client chose others, as
 * moby's {@code copyEscapable}): bytes that could begin the sequence are held back until it is complete, when the
 * client is detached and nothing of the sequence reaches the process, or broken, when they go on as they were.
 * Everything after a detach is dropped.
 */
final class DetachKeyFilter implements RawStream.Input {
    private final RawStream.Input next;
    private final byte[] keys;
    private final Runnable detach;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int matched;
    private boolean detached;

    DetachKeyFilter(RawStream.Input next, byte[] keys, Runnable detach) {
        this.next = next;
        this.keys = keys;
        this.detach = detach;
    }

    @Override
    public synchronized void received(byte[] bytes) throws InterruptedException {
        if (detached) {
            return;
        }
        if (keys.length == 0) {
            next.received(bytes);
            return;
        }
        ByteArrayOutputStream pass = new ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            if (b == keys[matched]) {
                held.write(b);
                if (++matched == keys.length) {
                    flush(pass);
                    detached = true;
                    next.ended(); // the process's stdin is left as it is: the pump only lets go of it
                    detach.run();
                    return;
                }
                continue;
            }
            if (matched > 0) { // broken: what was held was ordinary input after all
                pass.write(held.toByteArray(), 0, held.size());
                held.reset();
                matched = 0;
                if (b == keys[0]) {
                    held.write(b);
                    matched = 1;
                    continue;
                }
            }
            pass.write(b);
        }
        flush(pass);
    }

    private void flush(ByteArrayOutputStream pass) throws InterruptedException {
        if (pass.size() > 0) {
            next.received(pass.toByteArray());
        }
    }

    @Override
    public synchronized void ended() throws InterruptedException {
        if (detached) {
            return;
        }
        if (held.size() > 0) {
            next.received(held.toByteArray());
            held.reset();
        }
        next.ended();
    }
}
