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

    /**
     * {@link #each}, for a stream whose last message is known: the engine answers with {@code Connection: close}, so
     * an engine killed midway ends the stream as cleanly as a finished one, and only a missing {@code last} tells.
     * Throws naming {@code what} when the stream ended before a message {@code last} accepts.
     */
    static void eachUntil(java.io.InputStream stream, java.util.function.Consumer<Map<String, Object>> sink,
                          java.util.function.Predicate<Map<String, Object>> last, String what) throws IOException {
        boolean[] ended = {false};
        each(stream, message -> {
            ended[0] |= last.test(message);
            sink.accept(message);
        });
        if (!ended[0]) {
            throw new java.io.EOFException("the engine's answer ended before the " + what + " finished (did the"
                    + " engine stop?); run it again: downloads resume where they were cut");
        }
    }

    /** Hands each message of a live stream to {@code sink} as it arrives; throws on the first with "error". */
    static void each(java.io.InputStream stream, java.util.function.Consumer<Map<String, Object>> sink)
            throws IOException {
        java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(stream, java.nio.charset.StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> message = Json.object(line.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (message.get("error") != null) {
                throw new EngineApiException(200, EngineApiException.singleLine(message.get("error").toString()));
            }
            sink.accept(message);
        }
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
