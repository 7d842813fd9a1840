package io.holdfast.shim;

import io.holdfast.spi.monitor.MonitorException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * One client's connection to a container's (or an exec's) stdin. conmon takes stdin on its attach socket, a
 * {@code SOCK_SEQPACKET} Unix socket the JDK cannot open; Debian's {@code socat} connects to it and passes on what
 * this stream writes. socat runs in the bundle directory and names the socket relatively, because the absolute path
 * can be longer than a socket address may be (108 bytes). Closing the stream ends socat's input, which tells conmon
 * the client has detached (it then closes the process's stdin unless told to leave it open).
 *
 * <p>socat also reads, and drops, what conmon writes back on the socket (the process's output), and lingers
 * {@link #LINGER_SECONDS} after its input ended. That works around a use-after-free in conmon (2.1.6, and still in
 * its main branch): once a write-back to a client that has closed its socket has failed, conmon frees the client on
 * the client's end-of-file and then reads the freed memory to decide whether to close the process's stdin, which
 * then stayed open in about 1 run in 15. A socket that stays open and read until conmon has seen the end-of-file
 * never fails a write-back first. Closing does not wait for socat: it ends by itself.
 */
final class StdinRelay extends FilterOutputStream {
    private static final Logger LOG = Logger.getLogger(StdinRelay.class.getName());
    private static final String ATTACH_SOCKET = "attach";
    static final int LINGER_SECONDS = 10;

    private final Process socat;

    private StdinRelay(Process socat) {
        super(socat.getOutputStream());
        this.socat = socat;
    }

    static StdinRelay open(Path bundleDir, String who) throws MonitorException {
        if (!Files.exists(bundleDir.resolve(ATTACH_SOCKET))) {
            throw new MonitorException(who + " has no stdin to attach to (its monitor has no attach socket in "
                    + bundleDir + ")");
        }
        try {
            Process socat = new ProcessBuilder("socat", "-t", Integer.toString(LINGER_SECONDS), "STDIN",
                    "UNIX-CONNECT:" + ATTACH_SOCKET + ",type=5")
                    .directory(bundleDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            socat.onExit().thenAccept(ended -> {
                if (ended.exitValue() != 0) {
                    LOG.warning("the stdin relay of " + who + " failed: " + errors(ended));
                }
            });
            return new StdinRelay(socat);
        } catch (IOException e) {
            throw new MonitorException("cannot connect to the stdin of " + who + " (is socat installed? "
                    + "apt-get install socat): " + e.getMessage(), e);
        }
    }

    private static String errors(Process ended) {
        try {
            return new String(ended.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "exit " + ended.exitValue();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length); // FilterOutputStream would write byte by byte
        out.flush();
    }

    @Override
    public void close() throws IOException {
        super.close(); // socat sends the end-of-file on and lingers: see the class comment
    }
}
