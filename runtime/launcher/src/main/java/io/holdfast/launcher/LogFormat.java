package io.holdfast.launcher;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The engine log's line format, set once for every {@link SimpleFormatter} in the JVM (the console here, the log
 * file the logging bundle keeps): time with offset, level, logger, message.
 */
final class LogFormat {
    /** Held strongly: JUL forgets the level of a logger that nothing references once it is collected. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private LogFormat() {
    }

    static void install() {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        JETTY.setLevel(Level.WARNING);
    }
}
