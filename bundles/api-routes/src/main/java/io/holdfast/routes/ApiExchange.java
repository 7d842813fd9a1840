package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One API request and its response, with blocking helpers for short requests; a response that may last long (waiting
 * for an exit, following events) is {@link #open}ed instead, so that no thread waits with it.
 */
final class ApiExchange {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Docker's create and exec bodies are a few KiB; anything near this is not a request a client meant. */
    static final int JSON_BODY_BYTES = 1024 * 1024;

    private final Request request;
    private final Response response;
    private final String path;
    private final Fields query;
    private List<String> pathParams = List.of();
    private final Callback callback;
    private Runnable onStreaming = () -> { };
    private OpenResponse open;

    ApiExchange(Request request, Response response, Callback callback, String path) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.path = path;
        this.query = Request.extractQueryParameters(request);
    }

    /** Called once, when the response becomes a stream of unknown length. */
    void onStreaming(Runnable action) {
        onStreaming = action;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return path;
    }

    void pathParams(List<String> params) {
        pathParams = params;
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    String query(String name) {
        return query.getValue(name);
    }

    /** Docker's booleans: 1, true, True. */
    /** Every value of a query parameter given more than once ({@code changes=...&changes=...}); empty if none. */
    List<String> queryValues(String name) {
        List<String> values = query.getValues(name);
        return values == null ? List.of() : values;
    }

    boolean flag(String name) {
        String value = query(name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    int intQuery(String name, int fallback) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new EngineException(Kind.INVALID, "query parameter " + name + ": \"" + value + "\" is not a number");
        }
    }

    InputStream body() {
        return Content.Source.asInputStream(request);
    }

    /**
     * The body as JSON, read into memory, so at most {@link #JSON_BODY_BYTES}: a larger one is refused (413) before
     * it is read when its Content-Length says so, else as soon as the limit is passed.
     */
    JsonNode jsonBody() {
        long declared = request.getLength();
        if (declared > JSON_BODY_BYTES) {
            throw tooLarge(declared + " bytes");
        }
        try {
            byte[] bytes = body().readNBytes(JSON_BODY_BYTES + 1);
            if (bytes.length > JSON_BODY_BYTES) {
                throw tooLarge("over " + JSON_BODY_BYTES + " bytes");
            }
            JsonNode node = JSON.readTree(bytes);
            return node == null || node.isMissingNode() ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new EngineException(Kind.INVALID, "invalid JSON in the request body: " + e.getMessage());
        }
    }

    private static RequestTooLarge tooLarge(String size) {
        return new RequestTooLarge("request body too large: " + size + "; a JSON body may take at most "
                + JSON_BODY_BYTES / (1024 * 1024) + " MiB");
    }

    void sendJson(int status, Object value) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(value));
    }

    /** Sets a response header; call before the response is sent or streamed. */
    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void sendEmpty(int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
    }

    void sendError(int status, String message) throws IOException {
        sendJson(status, Map.of("message", message));
    }

    /**
     * Starts a streamed response that completes after the handler returned, without a thread of its own; its
     * status line and headers go out at once.
     */
    OpenResponse open(int status, String contentType) {
        Runnable streaming = onStreaming;
        onStreaming = () -> { };
        streaming.run();
        open = new OpenResponse(request, response, callback, status, contentType);
        open.commit();
        return open;
    }

    /** Ends the {@link #open}ed response abruptly (its handler failed after opening it). */
    void failOpen(Throwable failure) {
        open.fail(failure);
    }

    /** Whether {@link #open} handed the response to code that completes it later. */
    boolean isOpen() {
        return open != null;
    }

    /** Starts a streamed response (chunked); the caller writes and closes the stream. */
    OutputStream stream(int status, String contentType) {
        Runnable streaming = onStreaming;
        onStreaming = () -> { };
        streaming.run();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        return Content.Sink.asOutputStream(response);
    }

    /** A request header's value, or {@code null} when the request has none. */
    String requestHeader(String name) {
        return request.getHeaders().get(name);
    }

    /** True when the client asked to take the connection over ({@code Connection: Upgrade}, {@code Upgrade: tcp}). */
    boolean wantsUpgrade() {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("tcp");
    }

    /**
     * Answers {@code 101 UPGRADED} once the handler returns, and hands the connection to the returned stream; the
     * caller writes to it from a thread of its own (this request's thread must return for the hand-over).
     */
    RawStream upgrade(String contentType) {
        Runnable streaming = onStreaming;
        onStreaming = () -> { };
        streaming.run();
        RawStream stream = new RawStream(request.getConnectionMetaData().getConnection().getEndPoint(),
                request.getComponents().getExecutor());
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, stream);
        response.setStatus(101);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
        response.getHeaders().put(HttpHeader.UPGRADE, "tcp");
        return stream;
    }

    private void send(int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
    }
}
