package io.holdfast.shim;

import io.holdfast.spi.monitor.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the exit files conmon writes: the exit code as text, written when the container ends. */
final class ExitFiles {
    private ExitFiles() {
    }

    /** The exit, once the file is there and complete; empty while the container runs or conmon is mid-write. */
    static Optional<ExitStatus> read(Path exitFile) {
        try {
            String text = Files.readString(exitFile).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ExitStatus(Integer.parseInt(text),
                    Files.getLastModifiedTime(exitFile).toInstant()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
