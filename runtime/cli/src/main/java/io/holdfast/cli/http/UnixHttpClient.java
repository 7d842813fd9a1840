package io.holdfast.cli.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A minimal HTTP/1.1 client over a Unix domain socket: one request per connection, no pooling,
 * no TLS, nothing else to load at start-up.
 */
public final class UnixHttpClient {

    private static final int BUFFER = 64 * 1024;

    private final Path socket;

    public UnixHttpClient(Path socket) {
        this.socket = socket;
    }

    /**
     * Sends the request and returns once the status line and headers are in; the body is read
     * from the returned response, which the caller must close.
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        SocketChannel channel = connect();
        try {
            IOException writeFailure = null;
            try {
                RequestWriter.write(request, new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
            } catch (IOException e) {
                // The daemon may refuse an upload and close early; its answer is still worth reading.
                writeFailure = e;
            }
            try {
                return ResponseReader.read(request.method(),
                        new BufferedInputStream(Channels.newInputStream(channel), BUFFER), channel);
            } catch (IOException readFailure) {
                if (writeFailure != null) {
                    writeFailure.addSuppressed(readFailure);
                    throw writeFailure;
                }
                throw readFailure;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private SocketChannel connect() throws ConnectFailedException {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new ConnectFailedException(socket, e);
        }
    }
}
