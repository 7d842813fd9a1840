package io.holdfast.cli.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code holdfast shell}: JLine edits the line here, the engine runs it and completes it. History
 * is kept per user in {@code ~/.holdfast/shell_history}. The only class of the CLI that touches JLine, so the other
 * verbs never load it.
 */
public final class InteractiveShell {
    private static final String PROMPT = "holdfast> ";

    private final ShellConnection shell;
    private final Path history;

    public InteractiveShell(ShellConnection shell, Path history) {
        this.shell = shell;
        this.history = history;
    }

    /** Runs until {@code exit}, {@code quit} or Ctrl-D; returns the status of the last line. */
    public int run() throws IOException {
        prepareHistory();
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("holdfast").build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("holdfast")
                    .completer(new EngineCompleter())
                    .variable(LineReader.HISTORY_FILE, history)
                    .build();
            PrintWriter out = terminal.writer();
            out.println("Holdfast shell on the engine: `help` lists the commands, `help scope:command` tells one;"
                    + " Tab completes; exit or Ctrl-D leaves.");
            out.flush();
            int status = 0;
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being typed, as shells do
                } catch (EndOfFileException e) {
                    return status;
                }
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                if (command.equals("exit") || command.equals("quit")) {
                    return status;
                }
                ShellConnection.LineResult result = shell.exec(line);
                out.print(result.out());
                out.flush();
                if (!result.err().isEmpty()) {
                    System.err.print(result.err());
                    System.err.flush();
                }
                status = result.status();
            }
        }
    }

    private void prepareHistory() throws IOException {
        Path dir = history.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Asks the engine, which knows the commands, their options, the containers and the bundles. */
    private final class EngineCompleter implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            try {
                for (Map<String, Object> c : shell.complete(line.line(), line.cursor())) {
                    String value = String.valueOf(c.get("Value"));
                    String description = String.valueOf(c.getOrDefault("Description", ""));
                    candidates.add(new Candidate(value, value, null, description.isEmpty() ? null : description,
                            null, null, !Boolean.FALSE.equals(c.get("Complete"))));
                }
            } catch (IOException e) {
                // no completion this time; the next line run will say what is wrong with the engine
            }
        }
    }
}
