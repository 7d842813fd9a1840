package io.holdfast.spi.logs;

import java.time.Instant;

/**
 * One line a container wrote, or with {@link LogQuery#asWritten()} one piece of a line.
 *
 * @param time    when the monitor read it from the container
 * @param stream  {@code stdout} or {@code stderr}
 * @param line    the text without its line terminator
 * @param partial the line goes on in the next entry of the same stream (only when reading pieces as written): no
 *                line terminator follows this text
 */
public record LogEntry(Instant time, String stream, String line, boolean partial) {

    /** A whole line. */
    public LogEntry(Instant time, String stream, String line) {
        this(time, stream, line, false);
    }
}
