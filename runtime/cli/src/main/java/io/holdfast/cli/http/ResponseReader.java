package io.holdfast.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parses a status line and headers, then picks the body framing the headers announce. */
final class ResponseReader {

    private static final int MAX_LINE = 64 * 1024;

    private ResponseReader() {}

    static HttpResponse read(String method, InputStream in, Closeable connection) throws IOException {
        int status;
        Map<String, String> headers;
        do { // interim 1xx responses (100 Continue) precede the real one
            status = parseStatus(readLine(in));
            headers = readHeaders(in);
        } while (status >= 100 && status < 200 && status != 101);
        return new HttpResponse(status, headers, body(method, status, headers, in), connection);
    }

    private static InputStream body(String method, int status, Map<String, String> headers, InputStream in)
            throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in);
        }
        String contentLength = headers.get("content-length");
        if (contentLength != null) {
            try {
                return new ContentLengthInputStream(in, Long.parseLong(contentLength.trim()));
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + contentLength);
            }
        }
        return in; // neither: the body runs to the end of the connection
    }

    private static int parseStatus(String line) throws ProtocolException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new ProtocolException("not an HTTP status line: " + line);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not an HTTP status line: " + line);
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (first, next) -> first + ", " + next);
        }
        return headers;
    }

    /** A CRLF- (or bare LF-) terminated line without its terminator. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed by the daemon before the response was complete");
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
