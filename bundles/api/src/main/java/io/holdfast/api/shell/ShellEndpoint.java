package io.holdfast.api.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.text.ApiPaths;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The shell's routes on the API socket, answered by this resident bundle so a session outlives a swap of any other:
 * <ul>
 * <li>{@code POST /holdfast/shell/sessions}: opens a session; the response starts with {@code {"Id":"..."}} and a
 * newline and stays open (a newline every few seconds) until the session ends: the client holds it, and the session
 * ends when the client goes away;</li>
 * <li>{@code POST /holdfast/shell/sessions/{id}/exec} with {@code {"Line":"holdfast:ps -a"}}: runs the line,
 * answers {@code {"Out":..., "Err":..., "Status":0}};</li>
 * <li>{@code GET /holdfast/shell/sessions/{id}/complete?line=...&cursor=N}: {@code {"Candidates":[{"Value",
 * "Description", "Complete"}]}};</li>
 * <li>{@code DELETE /holdfast/shell/sessions/{id}}: ends it (204).</li>
 * </ul>
 * An unknown id is a 404 that says the session ended.
 */
public final class ShellEndpoint {
    static final String PREFIX = "/holdfast/shell/sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShellEndpoint() {
    }

    public static boolean matches(Request request) {
        return path(request).startsWith(PREFIX);
    }

    public static void serve(ShellHost host, Request request, Response response, Callback callback) throws Exception {
        if (host == null || !host.ready()) {
            send(response, callback, 503, Map.of("message", "the shell is not available: the Gogo runtime bundle"
                    + " (org.apache.felix.gogo.runtime) is not running"));
            return;
        }
        String[] parts = path(request).substring(PREFIX.length()).split("/");
        String method = request.getMethod();
        // "", or "", id, or "", id, verb
        if (parts.length <= 1 && method.equals("POST")) {
            open(host, response, callback);
            return;
        }
        String id = parts.length > 1 ? parts[1] : "";
        String verb = parts.length > 2 ? parts[2] : "";
        Optional<ShellSession> session = host.sessions().get(id);
        if (session.isEmpty()) {
            send(response, callback, 404, Map.of("message", "no shell session " + id
                    + ": it has ended (closed, or the engine restarted); open a new one"));
            return;
        }
        switch (method + " " + verb) {
            case "POST exec" -> exec(session.get(), request, response, callback);
            case "GET complete" -> complete(host, request, response, callback);
            case "DELETE " -> {
                host.sessions().close(id, "the client closed it");
                response.setStatus(204);
                callback.succeeded();
            }
            default -> send(response, callback, 405, Map.of("message", method + " " + path(request)
                    + ": not a shell route; see docs/shell.md"));
        }
    }

    private static void open(ShellHost host, Response response, Callback callback) throws Exception {
        Optional<String> id = host.sessions().open(host.newSession(),
                gone -> new SessionLease(response, callback, gone));
        if (id.isEmpty()) {
            send(response, callback, 503, Map.of("message", ShellSessions.MAX_SESSIONS
                    + " shell sessions are open already; close one first"));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson");
        byte[] first = (JSON.writeValueAsString(Map.of("Id", id.get())) + "\n").getBytes();
        host.sessions().lease(id.get()).start(first);
    }

    private static void exec(ShellSession session, Request request, Response response, Callback callback)
            throws Exception {
        Map<?, ?> body = JSON.readValue(Content.Source.asInputStream(request), Map.class);
        if (!(body.get("Line") instanceof String line)) {
            send(response, callback, 400, Map.of("message", "exec: the body must be {\"Line\": \"<command line>\"}"));
            return;
        }
        ShellResult result = session.exec(line);
        send(response, callback, 200, Map.of("Out", result.out(), "Err", result.err(), "Status", result.status()));
    }

    private static void complete(ShellHost host, Request request, Response response, Callback callback)
            throws Exception {
        Fields query = Request.extractQueryParameters(request);
        String line = query.getValue("line") == null ? "" : query.getValue("line");
        int cursor;
        try {
            cursor = query.getValue("cursor") == null ? line.length() : Integer.parseInt(query.getValue("cursor"));
        } catch (NumberFormatException e) {
            send(response, callback, 400, Map.of("message", "complete: cursor must be a number, found \""
                    + query.getValue("cursor") + "\""));
            return;
        }
        List<Map<String, Object>> candidates = host.completer().complete(line, cursor).stream()
                .map(c -> Map.<String, Object>of("Value", c.value(), "Description", c.description(),
                        "Complete", c.complete()))
                .toList();
        send(response, callback, 200, Map.of("Candidates", candidates));
    }

    private static String path(Request request) {
        return ApiPaths.withoutVersion(Request.getPathInContext(request));
    }

    private static void send(Response response, Callback callback, int status, Object body) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }
}
