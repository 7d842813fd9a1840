package io.holdfast.routes;

import io.holdfast.spi.registry.ProgressLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's JSON message stream for a pull, push or load: one object per line, {@code status}, {@code id},
 * {@code progressDetail} and the text bar {@code progress}, flushed as each arrives. The response opens with the
 * first line, so a request refused before any progress (bad reference, unknown image) still gets its 4xx; a failure
 * after that ends the stream with {@code {"errorDetail":{"message":...},"error":...}}, as Docker's does.
 */
final class ProgressStream implements AutoCloseable {
    private static final int BAR = 50;
    private final ApiExchange exchange;
    private OutputStream out;

    ProgressStream(ApiExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Runs {@code work} on a stream and ends it. A failure before the first message propagates, so the client gets
     * its status code; one after it ends the stream with Docker's error message. Never an empty 200: the response
     * is opened only by a message.
     */
    static void run(ApiExchange exchange, java.util.function.Consumer<ProgressStream> work) throws IOException {
        ProgressStream stream = new ProgressStream(exchange);
        try {
            work.accept(stream);
        } catch (RuntimeException failure) {
            if (!stream.started()) {
                throw failure;
            }
            stream.error(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        }
        stream.close();
    }

    boolean started() {
        return out != null;
    }

    void line(ProgressLine line) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", line.status());
        if (line.current() >= 0) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("current", line.current());
            if (line.total() > 0) {
                detail.put("total", line.total());
            }
            message.put("progressDetail", detail);
            message.put("progress", bar(line.current(), line.total()));
        }
        if (!line.id().isEmpty()) {
            message.put("id", line.id());
        }
        write(message);
    }

    void error(String text) {
        write(Map.of("errorDetail", Map.of("message", text), "error", text));
    }

    void aux(Map<String, Object> aux) {
        write(Map.of("aux", aux));
    }

    /** A line of text, Docker's {@code {"stream": "Loaded image: app:1\n"}}. */
    void stream(String text) {
        write(Map.of("stream", text));
    }

    private void write(Map<String, Object> message) {
        try {
            if (out == null) {
                out = exchange.stream(200, "application/json");
            }
            // one write per message, newline included: the Docker SDK decodes each chunk it reads
            byte[] json = ApiExchange.JSON.writeValueAsBytes(message);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    /** Docker's text bar: {@code [=====>     ]  1.2MB/2.4MB}. */
    static String bar(long current, long total) {
        if (total <= 0) {
            return human(current);
        }
        int filled = (int) Math.min(BAR, current * BAR / total);
        String arrows = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 && filled < BAR ? ">" : filled == BAR ? "=" : "");
        return "[" + arrows + " ".repeat(BAR - arrows.length()) + "] " + human(current) + "/" + human(total);
    }

    private static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.3g%s", value, units[unit]);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        } else {
            exchange.stream(200, "application/json").close();
        }
    }
}
