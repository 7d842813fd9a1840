package io.holdfast.logging;

import io.holdfast.spi.events.EngineEvent;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code events.log}: one JSON line per event, appended, rotated to {@code events.log.1} once it passes a size
 * limit. Each line goes to the kernel in one write, so a crash of the engine loses no line already written (there is
 * no fsync: a power cut may lose the last few, which an event log can afford). A line cut short by such a cut is
 * skipped when loading, and the file is given a newline first so the next line does not run into it.
 */
final class EventFile implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventFile.class.getName());

    private final Path file;
    private final Path rotated;
    private final long limitBytes;
    private FileOutputStream out;
    private long size;

    EventFile(Path file, long limitBytes) {
        this.file = file;
        this.rotated = file.resolveSibling(file.getFileName() + ".1");
        this.limitBytes = limitBytes;
    }

    /**
     * The last {@code count} events of the rotated and the current file, oldest first. Lines are decoded from the
     * newest back, and only until {@code count} are found: the two files hold some 30,000 lines at most, and decoding
     * them all to keep the last thousand was a visible part of every start.
     */
    List<EngineEvent> loadLast(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path path : List.of(rotated, file)) {
            if (Files.exists(path)) {
                try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    reader.lines().filter(line -> !line.isBlank()).forEach(lines::add);
                }
            }
        }
        ArrayDeque<EngineEvent> last = new ArrayDeque<>();
        int skipped = 0;
        for (int i = lines.size() - 1; i >= 0 && last.size() < count; i--) {
            try {
                last.addFirst(EventLine.decode(lines.get(i)));
            } catch (IOException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            int unreadable = skipped;
            LOG.warning(() -> "skipped " + unreadable + " unreadable line(s) in " + file + " (cut short by a crash?)");
        }
        return List.copyOf(last);
    }

    /** Appends one event, rotating first when it would pass the limit. */
    void append(EngineEvent event) throws IOException {
        byte[] line = EventLine.encode(event);
        if (out == null) {
            open();
        }
        if (size > 0 && size + line.length > limitBytes) {
            rotate();
        }
        out.write(line); // one write: the line reaches the kernel whole or not at all as far as readers care
        size += line.length;
    }

    private void open() throws IOException {
        io.holdfast.common.io.Directories.createPrivate(file.getParent());
        endUnterminatedLine();
        out = new FileOutputStream(file.toFile(), true);
        io.holdfast.common.io.FileModes.set(file, io.holdfast.common.io.FileModes.PRIVATE_FILE);
        size = Files.size(file);
    }

    /** A line cut by a crash would swallow the next one: start on a fresh line. */
    private void endUnterminatedLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            if (raf.read() != '\n') {
                raf.write('\n');
            }
        }
    }

    private void rotate() throws IOException {
        out.close();
        Files.move(file, rotated, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = new FileOutputStream(file.toFile(), true);
        io.holdfast.common.io.FileModes.set(file, io.holdfast.common.io.FileModes.PRIVATE_FILE);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
