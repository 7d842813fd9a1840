package io.holdfast.shim;

import io.holdfast.spi.monitor.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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

    /**
     * Which of the files conmon may write in {@code exitsDir} are there: one read of the directory, where opening each
     * running container's exit file would fail (an exception each) for all but the few that ended. When the directory
     * cannot be read, every name may have one.
     */
    static Predicate<String> presentIn(Path exitsDir) {
        Set<String> names = new HashSet<>();
        try (var files = Files.newDirectoryStream(exitsDir)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (IOException e) {
            return name -> true;
        }
        return names::contains;
    }
}
