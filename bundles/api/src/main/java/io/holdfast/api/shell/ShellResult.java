package io.holdfast.api.shell;

/** What one line run in a shell session printed, and its status: 0, or 1 when it failed ({@code err} says why). */
public record ShellResult(String out, String err, int status) {
}
