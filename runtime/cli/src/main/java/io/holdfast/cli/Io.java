package io.holdfast.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The process's standard streams, passed in so that tests can run the CLI in-process. */
public record Io(InputStream in, PrintStream out, PrintStream err) {

    /** UTF-8 whatever the platform default; stdout buffered (commands flush when output must show). */
    public static Io system() {
        return new Io(System.in,
                new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16 * 1024),
                        false, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
