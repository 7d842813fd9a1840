package io.holdfast.cli.commands;

import io.holdfast.cli.shell.InteractiveShell;
import io.holdfast.cli.shell.ScriptRunner;
import io.holdfast.cli.shell.ShellConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast shell [-c LINE]...}: the engine's Gogo shell over its API socket (so the same access rule: the
 * socket's owner and group). Interactive on a terminal; with {@code -c}, or with lines on a standard input that is
 * not a terminal, runs them and exits with the status of the first that failed (0 when none did).
 */
@Command(name = "shell", description = "Open the engine's Gogo shell (lb, scr:list, holdfast:ps, restore:plan,"
        + " help, ...); with -c or piped lines, run them and exit with their status.")
public final class ShellCommand extends EngineCommand {

    @Option(names = {"-c", "--command"}, paramLabel = "LINE",
            description = "Run this line and exit (repeatable; stops at the first that fails).")
    List<String> lines;

    @Override
    public Integer call() throws IOException {
        try (ShellConnection shell = ShellConnection.open(engine())) {
            if (lines != null && !lines.isEmpty()) {
                return new ScriptRunner(shell, out(), err()).run(lines);
            }
            if (System.console() == null) {
                return new ScriptRunner(shell, out(), err()).run(new BufferedReader(
                        new InputStreamReader(context().in(), StandardCharsets.UTF_8)));
            }
            out().flush();
            return new InteractiveShell(shell, historyFile()).run();
        }
    }

    private Path historyFile() {
        String home = context().environment("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".holdfast",
                "shell_history");
    }
}
