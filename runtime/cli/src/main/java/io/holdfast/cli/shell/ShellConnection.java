package io.holdfast.cli.shell;

import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.engine.Json;
import io.holdfast.cli.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One Gogo session inside the engine, held open by this client: the engine ends it when {@link #close()} is called
 * or when this process goes away (the open response of the session's creation then breaks).
 *
 * <pre>{@code
 * try (ShellConnection shell = ShellConnection.open(engine)) {
 *     LineResult r = shell.exec("holdfast:ps -a");
 * }
 * }</pre>
 */
public final class ShellConnection implements AutoCloseable {
    private final EngineClient engine;
    private final HttpResponse lease;
    private final String id;

    private ShellConnection(EngineClient engine, HttpResponse lease, String id) {
        this.engine = engine;
        this.lease = lease;
        this.id = id;
    }

    public static ShellConnection open(EngineClient engine) throws IOException {
        HttpResponse lease = engine.openShell();
        try {
            Map<String, Object> first = Json.object(firstLine(lease.body()));
            String id = Json.string(first, "Id");
            if (id == null || id.isEmpty()) {
                throw new IOException("the engine opened a shell session without an id: " + first);
            }
            ShellConnection connection = new ShellConnection(engine, lease, id);
            connection.drainLease();
            return connection;
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** What one line printed, and its status. */
    public record LineResult(String out, String err, int status) {
    }

    public LineResult exec(String line) throws IOException {
        Map<String, Object> result = engine.shellExec(id, line);
        return new LineResult(String.valueOf(result.getOrDefault("Out", "")),
                String.valueOf(result.getOrDefault("Err", "")), (int) Json.number(result, "Status"));
    }

    public List<Map<String, Object>> complete(String line, int cursor) throws IOException {
        return engine.shellComplete(id, line, cursor);
    }

    @Override
    public void close() {
        try {
            engine.closeShell(id);
        } catch (IOException e) {
            // the engine is gone or already ended it: either way the session is over
        }
        try {
            lease.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** Reads the heartbeats, so the engine's writes never stall; ends when the session or the engine does. */
    private void drainLease() {
        Thread reader = new Thread(() -> {
            try {
                InputStream body = lease.body();
                byte[] buffer = new byte[256];
                while (body.read(buffer) >= 0) {
                    // heartbeats carry nothing
                }
            } catch (IOException e) {
                // closed by close(), or the engine went away: the next exec says so
            }
        }, "holdfast-shell-lease");
        reader.setDaemon(true);
        reader.start();
    }

    private static byte[] firstLine(InputStream body) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = body.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0) {
            throw new IOException("the engine closed the shell session before it started");
        }
        return line.toByteArray();
    }
}
