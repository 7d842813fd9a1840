package io.holdfast.shim;

import io.holdfast.spi.monitor.MonitorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Talks to conmon's terminal control fifo ({@code ctl} in its bundle directory): a line {@code "1 HEIGHT WIDTH\n"}
 * resizes the container's terminal (conmon relays it to its {@code winsz} fifo and sets the size on the terminal's
 * master side, so the process gets {@code SIGWINCH}). The fifo is opened for reading and writing: on Linux that
 * never blocks, so a monitor that has just ended cannot hang the caller (a write-only open would wait for a reader
 * for good); the line is then simply lost with the pipe.
 */
final class TerminalControl {
    private static final int WINDOW_RESIZE = 1;
    private static final String FIFO = "ctl";

    private TerminalControl() {
    }

    static void resize(Path monitorBundleDir, String who, int height, int width) throws MonitorException {
        if (height < 1 || width < 1) {
            throw new MonitorException("terminal size " + height + "x" + width + " for " + who
                    + ": height and width must be at least 1");
        }
        Path fifo = monitorBundleDir.resolve(FIFO);
        if (!Files.exists(fifo)) {
            throw new MonitorException(who + " has no terminal control pipe (" + fifo + ")");
        }
        byte[] line = (WINDOW_RESIZE + " " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(line)); // under PIPE_BUF bytes: one atomic write
        } catch (IOException e) {
            throw new MonitorException("cannot resize the terminal of " + who + ": " + e.getMessage(), e);
        }
    }
}
