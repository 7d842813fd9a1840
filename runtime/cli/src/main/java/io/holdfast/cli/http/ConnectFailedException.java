package io.holdfast.cli.http;

import java.io.IOException;
import java.nio.file.Path;

/** Nothing accepted a connection on the socket (missing file, refused, no permission). */
public final class ConnectFailedException extends IOException {

    private final Path socket;

    public ConnectFailedException(Path socket, IOException cause) {
        super("cannot connect to " + socket + ": " + cause.getMessage(), cause);
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    public boolean permissionDenied() {
        String reason = String.valueOf(getCause().getMessage());
        return reason.toLowerCase(java.util.Locale.ROOT).contains("permission denied");
    }
}
