package io.holdfast.cli.engine;

import io.holdfast.cli.http.ConnectFailedException;
import java.io.IOException;

/** No daemon answered on the socket; the message is the line the user sees. */
public final class EngineUnavailableException extends IOException {

    EngineUnavailableException(EngineHost host, ConnectFailedException cause) {
        super(cause.permissionDenied()
                ? "permission denied while trying to connect to the Holdfast engine at " + host.uri()
                : "Cannot connect to the Holdfast engine at " + host.uri() + ": is holdfastd running?", cause);
    }
}
