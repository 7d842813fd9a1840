package io.holdfast.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's standard streams, passed in so that tests can run the CLI in-process. */
public record Io(InputStream in, PrintStream out, PrintStream err) {
    /** The stream {@link #system} made for the process's stdout; no other stream is a terminal. */
    private static volatile PrintStream systemOut;

    /** UTF-8 whatever the platform default; stdout buffered (commands flush when output must show). */
    public static Io system() {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
                16 * 1024), false, StandardCharsets.UTF_8);
        systemOut = out;
        return new Io(System.in, out,
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code out} is the process's stdout and that is a terminal, whatever stdin is ({@code holdfast load <
     * app.tar} on a terminal still shows bars). {@code System.console()} needs stdin to be one too, so this reads
     * where file descriptor 1 points instead: a {@code /dev/pts/N} or {@code /dev/ttyN}.
     */
    public static boolean isTerminal(PrintStream out) {
        if (out == null || out != systemOut) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
