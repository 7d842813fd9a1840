package io.holdfast.cli;

import io.holdfast.cli.engine.Json;
import io.holdfast.docker.model.SystemVersion;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Does on the second core, while the main thread builds the command line's model (picocli reading its annotations,
 * most of a command's start), the one-time work that a command talking to the engine would then wait for: the JDK's
 * Unix-socket support, whose initialisation seeds a {@code SecureRandom} (about 20 ms), and jackson-jr's reading of
 * the Docker model's annotated records. A thread that needs either meanwhile waits for this one instead of doing it
 * again; nothing here touches the engine.
 */
final class StartupWarmUp {
    private StartupWarmUp() {
    }

    static void startInBackground() {
        Thread warmUp = new Thread(StartupWarmUp::warmUp, "holdfast-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void warmUp() {
        try (SocketChannel unused = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            Json.typed("{\"Version\":\"\"}".getBytes(StandardCharsets.UTF_8), SystemVersion.class);
        } catch (IOException | RuntimeException e) {
            // only a head start: the command does the same work itself and reports what fails
        }
    }
}
