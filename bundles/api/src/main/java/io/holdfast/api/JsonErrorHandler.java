package io.holdfast.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any handler runs (a request head too large: 431, a malformed request line:
 * 400), in the engine's own shape, {@code {"message": "..."}}, which Docker clients print, instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String text = message == null || message.isBlank() || message.equals(reason)
                ? reason : reason + ": " + message;
        if (code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            text += " (the request line and headers may take at most " + RequestLimits.HEADER_BYTES / 1024 + " KiB)";
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(Map.of("message", text))), callback);
    }
}
