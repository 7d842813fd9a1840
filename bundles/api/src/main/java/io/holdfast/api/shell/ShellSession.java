package io.holdfast.api.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * One Gogo session: its variables live as long as the shell client does, and each line runs in it with its output
 * and errors captured for that line alone. Lines of one session run one at a time.
 *
 * <pre>{@code
 * ShellSession session = ShellSession.open(processor, catalog, Duration.ofSeconds(30));
 * ShellResult r = session.exec("holdfast:ps -a");  // r.out() is the table, r.status() 0
 * session.close();
 * }</pre>
 */
final class ShellSession implements AutoCloseable {
    /** Unqualified names try the engine's scopes first: {@code start web} is holdfast:start, not felix:start. */
    private static final String SCOPE_PATH = "holdfast:restore:*";

    private final CommandSession session;
    private final CommandCatalog catalog;
    private final Duration patience;
    private final Redirect out = new Redirect();
    private final Redirect err = new Redirect();

    private ShellSession(CommandProcessor processor, CommandCatalog catalog, Duration patience) {
        this.session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        this.catalog = catalog;
        this.patience = patience;
        session.put("SCOPE", SCOPE_PATH);
    }

    static ShellSession open(CommandProcessor processor, CommandCatalog catalog, Duration patience) {
        return new ShellSession(processor, catalog, patience);
    }

    synchronized ShellResult exec(String line) throws InterruptedException {
        Map<String, String> away = catalog.awaitReturn(ShellLine.allWords(line), patience);
        if (!away.isEmpty()) {
            StringBuilder why = new StringBuilder();
            away.forEach((command, bundle) -> why.append(command).append(": its bundle ").append(bundle)
                    .append(" is not active (stopped, or being swapped) and its commands did not come back within ")
                    .append(patience.toSeconds()).append(" s\n"));
            return new ShellResult("", why.toString(), 1);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        out.to(printed);
        err.to(errors);
        int status = 0;
        try {
            Object result = session.execute(line);
            if (result instanceof Boolean matched) {
                // Gogo's grep (and other tests) answer true or false, as Unix tools answer with their status
                status = matched ? 0 : 1;
            } else if (result != null) {
                String text = String.valueOf(session.format(result, Converter.INSPECT));
                printed.writeBytes((text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            status = 1;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            errors.writeBytes((message + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            out.to(OutputStream.nullOutputStream());
            err.to(OutputStream.nullOutputStream());
        }
        return new ShellResult(printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8),
                status);
    }

    @Override
    public void close() {
        session.close();
    }

    /** The session's fixed output stream, pointed at the buffer of the line that is running. */
    private static final class Redirect extends OutputStream {
        private volatile OutputStream target = OutputStream.nullOutputStream();

        void to(OutputStream next) {
            target = next;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target.write(b, off, len);
        }
    }
}
