package io.holdfast.cli;

import io.holdfast.cli.commands.CommandContext;
import io.holdfast.cli.commands.EngineCommand;
import io.holdfast.cli.commands.ErrorLines;
import io.holdfast.cli.commands.VersionCommand;
import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.engine.EngineHost;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Entry point of the {@code holdfast} command: global options, the verbs, and how failures are reported. */
@Command(name = "holdfast",
        description = "Manage containers and images of a Holdfast engine.",
        versionProvider = VersionCommand.ClientVersion.class)
public final class HoldfastCli implements Callable<Integer>, CommandContext {

    /** Appended to every usage error, which is kept to one line instead of picocli's full usage dump. */
    public static final String USAGE_HINT = "See 'holdfast --help'.";

    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Daemon socket to connect to (default: $HOLDFAST_HOST, else " + EngineHost.DEFAULT_URI + ").")
    private String host;

    @Option(names = "--help", usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean helpRequested;

    @Option(names = "--version", versionHelp = true, description = "Print the client version and exit.")
    private boolean versionRequested;

    @Spec
    private CommandSpec spec;

    private final Io io;
    private final Map<String, String> environment;

    public HoldfastCli(Io io, Map<String, String> environment) {
        this.io = io;
        this.environment = environment;
    }

    public static void main(String[] args) {
        StartupWarmUp.startInBackground();
        Io io = Io.system();
        int status = run(io, System.getenv(), args);
        io.out().flush();
        io.err().flush();
        System.exit(status);
    }

    /** Parses and runs one command line; returns the process exit status. */
    public static int run(Io io, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new HoldfastCli(io, environment));
        CommandSpec top = commandLine.getCommandSpec();
        // first, so that the settings below reach the verb too
        Verbs.addNamed(commandLine, args, arg -> top.findOption(arg) != null && top.findOption(arg).arity().max() > 0);
        commandLine.setOut(writer(io.out()))
                .setErr(writer(io.err()))
                .setParameterExceptionHandler((exception, ignoredArgs) -> {
                    io.err().println(ErrorLines.usage(exception.getMessage(), USAGE_HINT));
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((exception, failed, ignoredResult) -> {
                    io.out().flush(); // keep whatever the command printed before the error line
                    io.err().println(ErrorLines.of(exception));
                    return failed.getCommand() instanceof EngineCommand command ? command.failureExitCode() : 1;
                });
        int status = commandLine.execute(args);
        io.out().flush();
        return status;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Bare {@code holdfast}: show what it can do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(io.out());
        return 0;
    }

    @Override
    public EngineClient engine() {
        try {
            return new EngineClient(EngineHost.select(host, environment.get(EngineHost.ENV_VARIABLE)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public InputStream in() {
        return io.in();
    }

    @Override
    public PrintStream out() {
        return io.out();
    }

    @Override
    public PrintStream err() {
        return io.err();
    }

    @Override
    public String environment(String name) {
        return environment.get(name);
    }
}
