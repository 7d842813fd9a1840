package io.holdfast.spi.logs;

/**
 * Which lines to read.
 *
 * @param tail      the number of lines from the end, or -1 for all
 * @param follow    keep reading lines as they are written
 * @param asWritten hand on each piece of a line as soon as the monitor wrote it ({@link LogEntry#partial()}) instead
 *                  of waiting for the line's end: what a terminal needs, where a prompt or an echoed key has no
 *                  line end yet
 */
public record LogQuery(int tail, boolean follow, boolean asWritten) {
    public static final LogQuery ALL = new LogQuery(-1, false);

    /** Whole lines. */
    public LogQuery(int tail, boolean follow) {
        this(tail, follow, false);
    }
}
