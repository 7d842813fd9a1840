package io.holdfast.launcher;

import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per engine log record on stderr: time, level, the logger's short name, the message. */
final class LogFormat extends Formatter {
    /** Held strongly: JUL forgets the level of a logger that nothing references once it is collected. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    static void install() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new LogFormat());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        JETTY.setLevel(Level.WARNING);
    }

    @Override
    public String format(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String shortName = logger.substring(logger.lastIndexOf('.') + 1);
        StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ').append(shortName).append(": ")
                .append(formatMessage(record)).append('\n');
        if (record.getThrown() != null) {
            var out = new java.io.StringWriter();
            record.getThrown().printStackTrace(new java.io.PrintWriter(out));
            line.append(out);
        }
        return line.toString();
    }
}
