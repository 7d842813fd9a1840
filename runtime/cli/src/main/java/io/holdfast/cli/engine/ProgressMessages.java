package io.holdfast.cli.engine;

import java.io.IOException;
import java.util.Map;

/**
 * Docker's JSON message stream (one object per line) as sent by POST /images/create. The last
 * status is the result; an object with "error" means the operation failed despite the 200.
 */
final class ProgressMessages {

    private ProgressMessages() {}

    /** The {@code stream} texts of a message stream (POST /images/load), each without its newline. */
    static java.util.List<String> streamLines(String stream) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> message = Json.object(line.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (message.get("error") != null) {
                throw new EngineApiException(200, EngineApiException.singleLine(message.get("error").toString()));
            }
            if (message.get("stream") != null) {
                lines.add(message.get("stream").toString().stripTrailing());
            }
        }
        return lines;
    }

    static String lastStatus(String stream) throws IOException {
        String status = null;
        for (String line : stream.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> message = Json.object(line.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (message.get("error") != null) {
                throw new EngineApiException(200, EngineApiException.singleLine(message.get("error").toString()));
            }
            if (message.get("status") != null) {
                status = message.get("status").toString();
            }
        }
        if (status == null) {
            throw new IOException("the daemon's answer carried no status: " + stream.trim());
        }
        return status;
    }
}
