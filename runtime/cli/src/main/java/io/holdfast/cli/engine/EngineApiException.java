package io.holdfast.cli.engine;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The daemon answered, but with an error; {@link #getMessage()} is the daemon's own message. */
public final class EngineApiException extends IOException {

    private final int status;

    public EngineApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** Builds the exception from an error body, normally {@code {"message": "..."}}. */
    static EngineApiException fromBody(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        String message = text;
        if (text.startsWith("{")) {
            try {
                Object parsed = JSON.std.mapFrom(text).get("message");
                if (parsed != null) {
                    message = parsed.toString();
                }
            } catch (IOException | RuntimeException notJson) {
                // fall back to the raw text
            }
        }
        if (message.isEmpty()) {
            message = "HTTP status " + status;
        }
        return new EngineApiException(status, singleLine(message));
    }

    static String singleLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
