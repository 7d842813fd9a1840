package io.holdfast.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's API socket held by a process of the test, as systemd holds {@code holdfast.socket}: the socket stays
 * open while the engine is killed and started again, and each start hands it over as socket activation does (fd 3,
 * {@code LISTEN_FDS}, {@code LISTEN_PID}). {@code socket-holder.py} does the holding; it kills the engine it started
 * when this is closed.
 *
 * <pre>{@code
 * try (SocketHolder socket = SocketHolder.bind(engine)) {
 *     long pid = socket.startEngine();
 *     ...
 *     socket.kill9(pid);
 * }
 * }</pre>
 */
public final class SocketHolder implements AutoCloseable {
    private final Process holder;
    private final Engine engine;
    private final BufferedReader out;
    private final Writer in;

    private SocketHolder(Process holder, Engine engine) {
        this.holder = holder;
        this.engine = engine;
        this.out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Binds {@code engine}'s socket path and listens; the engine is not started yet. */
    public static SocketHolder bind(Engine engine) throws IOException {
        List<String> argv = new ArrayList<>(List.of("python3", script().toString(),
                engine.host().substring("unix://".length()), engine.root().resolve("engine.log").toString()));
        argv.addAll(engine.command(List.of("--config", engine.configFile().toString())));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HOLDFAST_HOME", engine.distribution().toString());
        SocketHolder socket = new SocketHolder(builder.start(), engine);
        try {
            socket.expect("listening");
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Starts holdfastd with the held socket; returns its pid at once, without waiting for it to answer. */
    public long startEngine() throws IOException {
        in.write("start\n");
        in.flush();
        long pid = Long.parseLong(expect("started ").substring("started ".length()).trim());
        engine.ran(pid);
        return pid;
    }

    /** Waits for the next sd_notify message the engine {@code pid} sent (as its sender) and returns it. */
    public String notification(long pid) throws IOException {
        return expect("notify " + pid + " ").substring(("notify " + pid + " ").length());
    }

    /** SIGKILLs the engine the holder started as {@code pid}, and waits until the holder saw it end. */
    public void kill9(long pid) throws IOException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        expect("exited " + pid + " ");
    }

    /** SIGTERMs the engine the holder started as {@code pid} (an orderly stop), and waits until it has ended. */
    public void stop(long pid) throws IOException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        expect("exited " + pid + " ");
    }

    private String expect(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("socket-holder.py ended before it said \"" + prefix.trim() + "\"");
    }

    /** Kills the engine it runs and stops holding the socket. */
    @Override
    public void close() {
        holder.destroy(); // SIGTERM: the holder SIGKILLs its engine first
        try {
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        } catch (InterruptedException e) {
            holder.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path script() {
        try {
            return Path.of(SocketHolder.class.getResource("/socket-holder.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
