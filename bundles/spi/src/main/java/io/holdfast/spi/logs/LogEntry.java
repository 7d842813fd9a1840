package io.holdfast.spi.logs;

import java.time.Instant;

/**
 * One line a container wrote.
 *
 * @param time   when the monitor read it from the container
 * @param stream {@code stdout} or {@code stderr}
 * @param line   the text without its line terminator
 */
public record LogEntry(Instant time, String stream, String line) {
}
