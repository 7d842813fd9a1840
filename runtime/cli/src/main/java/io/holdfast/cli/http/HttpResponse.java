package io.holdfast.cli.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A response whose body is read from the open connection, already de-framed
 * (Content-Length, chunked or up to EOF). Closing it closes the connection.
 */
public final class HttpResponse implements Closeable {

    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final Closeable connection;

    HttpResponse(int status, Map<String, String> headers, InputStream body, Closeable connection) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.connection = connection;
    }

    public int status() {
        return status;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** A header's value by case-insensitive name (repeated headers joined by ", "), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public InputStream body() {
        return body;
    }

    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }

    public String bodyText() throws IOException {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
