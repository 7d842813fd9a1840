package io.holdfast.api.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code holdfastd --console}: the shell on the engine's own terminal, with JLine's line editing, the history of
 * {@code holdfast shell} ({@code ~/.holdfast/shell_history}) and the same sessions and completion the remote
 * clients get. Ctrl-D or {@code exit} leaves the console; the engine keeps running until it is stopped.
 */
final class ConsoleShell {
    private final ShellHost host;

    ConsoleShell(ShellHost host) {
        this.host = host;
    }

    void run() throws IOException, InterruptedException {
        // JLine finds its terminal providers through the context class loader: make it JLine's own bundle's
        Thread.currentThread().setContextClassLoader(TerminalBuilder.class.getClassLoader());
        if (!host.awaitReady(Duration.ofSeconds(60))) {
            System.err.println("holdfastd: --console: the Gogo runtime did not start; no console");
            return;
        }
        Path history = Path.of(System.getProperty("user.home"), ".holdfast", "shell_history");
        Files.createDirectories(history.getParent());
        ShellSession session = host.newSession();
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("holdfast").build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("holdfast")
                    .completer((r, line, candidates) -> host.completer().complete(line.line(), line.cursor())
                            .forEach(c -> candidates.add(new org.jline.reader.Candidate(c.value(), c.value(), null,
                                    c.description().isEmpty() ? null : c.description(), null, null, c.complete()))))
                    .variable(LineReader.HISTORY_FILE, history)
                    .build();
            while (!Thread.currentThread().isInterrupted()) {
                String line;
                try {
                    line = reader.readLine("holdfast> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("exit") || line.strip().equals("quit")) {
                    break;
                }
                ShellResult result = session.exec(line);
                terminal.writer().print(result.out());
                terminal.writer().print(result.err());
                terminal.writer().flush();
            }
            terminal.writer().println("console closed; the engine keeps running (SIGTERM or Ctrl-C stops it)");
            terminal.writer().flush();
        } finally {
            session.close();
        }
    }
}
