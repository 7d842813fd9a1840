package io.holdfast.shim;

import io.holdfast.spi.monitor.MonitorException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection to a container's stdin. conmon takes stdin on its attach socket, a {@code SOCK_SEQPACKET}
 * Unix socket the JDK cannot open; Debian's {@code socat} connects to it and passes on what this stream writes.
 * socat runs in the bundle directory and names the socket relatively, because the absolute path can be longer than
 * a socket address may be (108 bytes). Closing the stream ends socat, which detaches the client from conmon.
 */
final class StdinRelay extends FilterOutputStream {
    private static final String ATTACH_SOCKET = "attach";
    private static final long EXIT_WAIT_SECONDS = 5;

    private final Process socat;

    private StdinRelay(Process socat) {
        super(socat.getOutputStream());
        this.socat = socat;
    }

    static StdinRelay open(Path bundleDir, String containerId) throws MonitorException {
        if (!Files.exists(bundleDir.resolve(ATTACH_SOCKET))) {
            throw new MonitorException("container " + containerId + " has no stdin to attach to (its monitor has no "
                    + "attach socket in " + bundleDir + ")");
        }
        try {
            Process socat = new ProcessBuilder("socat", "-u", "STDIN", "UNIX-CONNECT:" + ATTACH_SOCKET + ",type=5")
                    .directory(bundleDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new StdinRelay(socat);
        } catch (IOException e) {
            throw new MonitorException("cannot connect to the stdin of " + containerId + " (is socat installed? "
                    + "apt-get install socat): " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length); // FilterOutputStream would write byte by byte
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
            if (!socat.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            } else if (socat.exitValue() != 0) {
                String why = new String(socat.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new IOException("the stdin relay failed: " + why);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
