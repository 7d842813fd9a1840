package io.holdfast.routes;

import io.holdfast.spi.container.EngineException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries what an attached client sends into a process's stdin ({@link StdinTarget}). {@code docker run -i}
 * attaches, and may send its first bytes, before the container is started: they wait here until it runs, then go
 * first. The client's end-of-file (it closes its sending side) detaches it from the stdin, which the monitor then
 * closes for a {@code StdinOnce} container without a terminal; otherwise it also ends the attach, as Docker does
 * (the stdin stays open for the next client). Reads happen on Jetty's threads, writes on this pump's own thread.
 */
final class StdinPump implements RawStream.Input {
    private static final Logger LOG = Logger.getLogger(StdinPump.class.getName());
    private static final byte[] END = new byte[0];

    /** A megabyte in flight at most: a client sending faster than the process reads waits. */
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
    private final StdinTarget target;
    private final String name;
    private final Runnable endAttach;

    /** @param endAttach run when the client's input ended and that ends the attach too */
    StdinPump(StdinTarget target, String name, Runnable endAttach) {
        this.target = target;
        this.name = name;
        this.endAttach = endAttach;
    }

    void start(String threadName) {
        Thread pump = new Thread(this::run, threadName);
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void received(byte[] bytes) throws InterruptedException {
        chunks.put(bytes);
    }

    @Override
    public void ended() throws InterruptedException {
        chunks.put(END);
    }

    private void run() {
        boolean clientEnded = false;
        try {
            if (!target.awaitRunning()) {
                return;
            }
            try (OutputStream stdin = target.open()) {
                for (byte[] chunk; (chunk = chunks.take()) != END; ) {
                    stdin.write(chunk);
                }
                clientEnded = true;
            }
        } catch (IOException | EngineException e) {
            LOG.log(Level.FINE, "stdin of " + name + " ended early", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clientEnded && target.endOfInputEndsAttach()) {
            endAttach.run();
        }
    }
}
