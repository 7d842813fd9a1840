package io.holdfast.cli.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an HTTP/1.1 request: one per connection, so every request says Connection: close, but one that asks for the
 * connection as a raw stream afterwards.
 */
final class RequestWriter {

    private static final int CHUNK = 64 * 1024;

    private RequestWriter() {}

    static void write(HttpRequest request, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: holdfast\r\n")
                .append("User-Agent: holdfast-cli\r\n")
                .append(request.upgrade() ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n");
        RequestBody body = request.body();
        if (body != null) {
            head.append("Content-Type: ").append(body.contentType()).append("\r\n");
        }
        if (body instanceof RequestBody.Bytes bytes) {
            head.append("Content-Length: ").append(bytes.bytes().length).append("\r\n");
        } else if (body instanceof RequestBody.Streamed streamed) {
            head.append(streamed.length() >= 0
                    ? "Content-Length: " + streamed.length() + "\r\n"
                    : "Transfer-Encoding: chunked\r\n");
        } else if (!request.method().equals("GET") && !request.method().equals("DELETE")) {
            // A bodiless POST still declares its (empty) length, as curl and Docker do.
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));

        if (body instanceof RequestBody.Bytes bytes) {
            out.write(bytes.bytes());
        } else if (body instanceof RequestBody.Streamed streamed) {
            if (streamed.length() >= 0) {
                copyExactly(streamed.source(), streamed.length(), out);
            } else {
                copyChunked(streamed.source(), out);
            }
        }
        out.flush();
    }

    private static void copyExactly(InputStream source, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long left = length;
        while (left > 0) {
            int n = source.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("request body ended " + left + " bytes short of its declared length " + length);
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copyChunked(InputStream source, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = source.readNBytes(buffer, 0, buffer.length)) > 0) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(buffer, 0, n);
            out.write('\r');
            out.write('\n');
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
