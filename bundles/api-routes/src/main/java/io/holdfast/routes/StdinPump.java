package io.holdfast.routes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries what an attached client sends into the container's stdin. {@code docker run -i} attaches, and may send
 * its first bytes, before the container is started: they wait here until it runs, then go first. The client's
 * end-of-file (it closes its sending side) detaches it from the stdin, which the monitor then closes for a
 * {@code StdinOnce} container; for any other container it also ends the attach, as Docker does (the stdin stays
 * open for the next client). Reads happen on Jetty's threads, writes on this pump's own thread.
 */
final class StdinPump implements RawStream.Input {
    private static final Logger LOG = Logger.getLogger(StdinPump.class.getName());
    private static final byte[] END = new byte[0];
    private static final long START_POLL_MILLIS = 50;

    /** A megabyte in flight at most: a client sending faster than the container reads waits. */
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
    private final Supplier<Containers> containers;
    private final String containerId;
    private final Runnable detached;

    /** @param detached run when the client's stdin ended on a container whose stdin outlives its clients */
    StdinPump(Supplier<Containers> containers, String containerId, Runnable detached) {
        this.containers = containers;
        this.containerId = containerId;
        this.detached = detached;
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
            if (!awaitRunning()) {
                return;
            }
            try (OutputStream stdin = containers.get().openStdin(containerId)) {
                for (byte[] chunk; (chunk = chunks.take()) != END; ) {
                    stdin.write(chunk);
                }
                clientEnded = true;
            }
        } catch (IOException | EngineException e) {
            LOG.log(Level.FINE, "stdin of " + containerId + " ended early", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clientEnded && !stdinOnce()) {
            detached.run();
        }
    }

    private boolean stdinOnce() {
        try {
            return containers.get().get(containerId).spec().stdin().once();
        } catch (EngineException gone) {
            return true;
        }
    }

    /** Until the container runs; false once it is gone or has exited without having been seen running. */
    private boolean awaitRunning() throws InterruptedException {
        while (true) {
            ContainerRecord record;
            try {
                record = containers.get().get(containerId);
            } catch (EngineException gone) {
                return false;
            }
            ContainerStatus status = record.state().status();
            if (status == ContainerStatus.RUNNING) {
                return true;
            }
            if (status == ContainerStatus.EXITED || status == ContainerStatus.DEAD) {
                return false;
            }
            Thread.sleep(START_POLL_MILLIS); // created (the client starts it next) or restarting
        }
    }
}
