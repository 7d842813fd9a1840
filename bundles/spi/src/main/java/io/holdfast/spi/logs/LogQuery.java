package io.holdfast.spi.logs;

/**
 * Which lines to read.
 *
 * @param tail   the number of lines from the end, or -1 for all
 * @param follow keep reading lines as they are written
 */
public record LogQuery(int tail, boolean follow) {
    public static final LogQuery ALL = new LogQuery(-1, false);
}
