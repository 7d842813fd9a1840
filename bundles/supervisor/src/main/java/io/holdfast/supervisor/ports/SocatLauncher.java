package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.PortBinding;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and ends forwarder processes: Debian's {@code socat}, one per published port, in a session of its own
 * ({@code setsid}), with no pipe to the engine (stdin from {@code /dev/null}, output to a log file), so that a
 * {@code kill -9} of the engine leaves it forwarding, the way conmon outlives the engine.
 */
final class SocatLauncher {
    static final String SOCAT = "/usr/bin/socat";
    private static final Duration READY = Duration.ofSeconds(10);
    private static final Duration END = Duration.ofSeconds(5);
    /** A UDP "connection" ends after this much silence: each datagram's child would otherwise linger. */
    private static final String UDP_IDLE_SECONDS = "60";

    private SocatLauncher() {
    }

    /** The command line forwarding {@code binding} to {@code containerIp}. */
    static List<String> argv(PortBinding binding, String containerIp) {
        String listen = binding.hostPort() + ",bind=" + binding.bindAddress() + ",reuseaddr,fork";
        String target = containerIp + ":" + binding.containerPort();
        if (binding.protocol().equals(PortBinding.UDP)) {
            return List.of("setsid", SOCAT, "-T", UDP_IDLE_SECONDS, "UDP4-RECVFROM:" + listen, "UDP4-SENDTO:" + target);
        }
        return List.of("setsid", SOCAT, "TCP4-LISTEN:" + listen, "TCP4:" + target);
    }

    /**
     * Starts the forwarder and returns once it listens.
     *
     * @throws IOException naming the port if socat cannot be started or ends before it listens
     */
    static Forwarder start(PortBinding binding, String containerIp, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv(binding, containerIp))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        long ticks = ProcessStart.ticks(process.pid());
        Forwarder forwarder = new Forwarder(binding, containerIp, process.pid(), ticks);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!BoundSockets.boundBy(process.pid(), binding)) {
            if (!process.isAlive() || ticks < 0) {
                throw new IOException("the forwarder for " + binding + " ended before it listened (exit code "
                        + (process.isAlive() ? "unknown" : process.exitValue()) + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                stop(forwarder);
                throw new IOException("the forwarder for " + binding + " did not listen within "
                        + READY.toSeconds() + " s; see " + log);
            }
            try {
                process.waitFor(10, TimeUnit.MILLISECONDS); // a poll: returns early only if it ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(forwarder);
                throw new IOException("interrupted while the forwarder for " + binding + " started");
            }
        }
        return forwarder;
    }

    /**
     * Ends the forwarder and the children it forked for open connections, if that very process still runs, and
     * waits until it is gone, so its port is free when this returns.
     */
    static void stop(Forwarder forwarder) throws IOException {
        if (!forwarder.alive()) {
            return;
        }
        ProcessHandle handle = ProcessHandle.of(forwarder.pid()).orElse(null);
        if (handle == null) {
            return;
        }
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        try {
            handle.onExit().get(END.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the forwarder " + forwarder.pid() + " ended");
        } catch (ExecutionException | TimeoutException e) {
            if (forwarder.alive()) {
                throw new IOException("the forwarder " + forwarder.pid() + " for " + forwarder.binding()
                        + " did not end within " + END.toSeconds() + " s of SIGKILL");
            }
        }
    }
}
