package io.holdfast.itests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user at a terminal: a client started on a pseudo-terminal (by {@code pty-session.py}, Python's {@code pty}),
 * with a script of what to wait for, what to type and when to resize the window. Each wait has its own generous
 * limit; nothing waits for a fixed time.
 *
 * <pre>{@code TerminalSession.Transcript t = new TerminalSession().expect("/ # ").send("exit 3\r").end()
 *         .run(docker, "run", "-it", "busybox", "sh");
 * assertEquals(3, t.exitCode());}</pre>
 */
public final class TerminalSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXIT = Pattern.compile("\npty-session: exit (-?\\d+)\n$");
    private final ArrayNode steps = JSON.createArrayNode();

    /** Waits until the client has printed {@code text} (since the last wait). */
    public TerminalSession expect(String text) {
        steps.addObject().put("expect", text);
        return this;
    }

    /** Types {@code keys}: {@code \r} is Enter, {@code \u0010\u0011} ctrl-p ctrl-q. */
    public TerminalSession send(String keys) {
        steps.addObject().put("send", keys);
        return this;
    }

    /** Resizes the window; the client gets SIGWINCH. */
    public TerminalSession resize(int rows, int columns) {
        steps.addObject().putArray("winsize").add(rows).add(columns);
        return this;
    }

    /** Waits for the client to end. */
    public TerminalSession end() {
        steps.addObject().put("eof", true);
        return this;
    }

    /** What the terminal showed, and the client's exit code. */
    public record Transcript(int exitCode, String screen) {
        public boolean shows(String text) {
            return screen.contains(text);
        }
    }

    /** Runs the stock docker CLI with {@code args} on a terminal of 24 rows and 80 columns through this script. */
    public Transcript run(DockerCli docker, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(DockerSdk.PYTHON.toString(), script().toString(),
                steps.toString(), "--", docker.binary().toString()));
        argv.addAll(List.of(args));
        DockerCli.Result session = docker.runProcess(argv);
        if (session.exitCode() != 0) {
            throw new AssertionError("the terminal session failed (" + (session.exitCode() == 3
                    ? "an expected text did not come" : "the client ended early") + ")\n" + session);
        }
        Matcher exit = EXIT.matcher(session.out());
        if (!exit.find()) {
            throw new AssertionError("no exit line in the terminal session's output:\n" + session);
        }
        return new Transcript(Integer.parseInt(exit.group(1)), session.out().substring(0, exit.start()));
    }

    private static Path script() throws URISyntaxException {
        return Path.of(TerminalSession.class.getResource("/pty-session.py").toURI());
    }
}
