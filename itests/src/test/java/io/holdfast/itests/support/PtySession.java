package io.holdfast.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A command run on a pseudo-terminal, typed into and read as a person at a terminal would: through
 * {@code pty-driver.py} (Python's {@code pty} module), which kills the command when this session is closed.
 *
 * <pre>{@code
 * try (PtySession shell = PtySession.start(List.of("bin/holdfast", "-H", host, "shell"), Map.of("HOME", home))) {
 *     shell.expect("holdfast> ");
 *     shell.type("holdfast:ps\r");
 * }
 * }</pre>
 */
public final class PtySession implements AutoCloseable {
    /** Each step may wait this long for the output it expects (a swap or a slow machine included). */
    private static final int SECONDS = 120;

    private final Process driver;
    private final PrintStream requests;
    private final BufferedReader replies;

    private PtySession(Process driver) {
        this.driver = driver;
        this.requests = new PrintStream(driver.getOutputStream(), true, StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
    }

    public static PtySession start(List<String> command, Map<String, String> environment) throws IOException {
        List<String> argv = new ArrayList<>(List.of("python3", driverScript().toString()));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        builder.environment().put("TERM", "xterm");
        return new PtySession(builder.start());
    }

    /** Types {@code text}: {@code \r} is Enter, {@code \t} Tab, {@code ESC O A} the up arrow (application mode). */
    public void type(String text) throws IOException {
        ask("send " + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits for {@code text} in what the terminal showed since the previous match. */
    public void expect(String text) throws IOException {
        String reply = ask("expect " + SECONDS + " " + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
        if (!reply.equals("ok")) {
            String shown = new String(HexFormat.of().parseHex(reply.substring("timeout ".length()).strip()),
                    StandardCharsets.UTF_8);
            throw new AssertionError("the terminal did not show \"" + text + "\" within " + SECONDS
                    + " s; it showed:\n" + shown);
        }
    }

    /** Waits for the command to end and returns its exit status. */
    public int awaitExit() throws IOException {
        String reply = ask("wait " + SECONDS);
        if (!reply.startsWith("exit ")) {
            throw new AssertionError("the command on the terminal did not end within " + SECONDS + " s");
        }
        return Integer.parseInt(reply.substring("exit ".length()));
    }

    private String ask(String request) throws IOException {
        requests.println(request);
        String reply = replies.readLine();
        if (reply == null) {
            throw new IOException("pty-driver.py ended");
        }
        return reply;
    }

    private static Path driverScript() {
        try {
            return Path.of(PtySession.class.getResource("/pty-driver.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        requests.close();
        driver.destroy();
        driver.waitFor();
    }
}
