package io.holdfast.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code holdfast shell -c LINE} and commands on standard input: runs each line in the session, output to stdout
 * and errors to stderr, and stops at the first line that fails, with its status (as {@code sh -e} would), so a
 * script never runs on after a failed step.
 */
public final class ScriptRunner {
    private final ShellConnection shell;
    private final PrintStream out;
    private final PrintStream err;

    public ScriptRunner(ShellConnection shell, PrintStream out, PrintStream err) {
        this.shell = shell;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> lines) throws IOException {
        for (String line : lines) {
            int status = runLine(line);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    public int run(BufferedReader input) throws IOException {
        String line;
        while ((line = input.readLine()) != null) {
            int status = runLine(line);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    private int runLine(String line) throws IOException {
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
            return 0;
        }
        ShellConnection.LineResult result = shell.exec(line);
        out.print(result.out());
        out.flush();
        err.print(result.err());
        err.flush();
        return result.status();
    }
}
