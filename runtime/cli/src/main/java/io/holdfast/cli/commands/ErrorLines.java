package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineApiException;
import io.holdfast.cli.engine.EngineUnavailableException;

/** Every failure is reported as exactly one line on stderr; these are those lines. */
public final class ErrorLines {

    private ErrorLines() {}

    public static String of(Throwable failure) {
        if (failure instanceof EngineApiException api) {
            return "Error response from daemon: " + api.getMessage();
        }
        if (failure instanceof EngineUnavailableException unavailable) {
            return unavailable.getMessage();
        }
        String message = failure.getMessage();
        return "Error: " + oneLine(message == null || message.isBlank() ? failure.toString() : message);
    }

    /** A picocli usage error: its message on one line, then the hint. */
    public static String usage(String message, String hint) {
        String line = oneLine(message == null ? "invalid usage" : message);
        return line + (line.endsWith(".") ? " " : ". ") + hint;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
