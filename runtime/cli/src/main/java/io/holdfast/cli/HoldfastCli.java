package io.holdfast.cli;

import io.holdfast.cli.commands.CommandContext;
import io.holdfast.cli.commands.ContainerCommand;
import io.holdfast.cli.commands.CpCommand;
import io.holdfast.cli.commands.CreateCommand;
import io.holdfast.cli.commands.EngineCommand;
import io.holdfast.cli.commands.ErrorLines;
import io.holdfast.cli.commands.EventsCommand;
import io.holdfast.cli.commands.ExecCommand;
import io.holdfast.cli.commands.ExportCommand;
import io.holdfast.cli.commands.LoadCommand;
import io.holdfast.cli.commands.PullCommand;
import io.holdfast.cli.commands.PushCommand;
import io.holdfast.cli.commands.SaveCommand;
import io.holdfast.cli.commands.ImageCommand;
import io.holdfast.cli.commands.NetworkCommand;
import io.holdfast.cli.commands.VolumeCommand;
import io.holdfast.cli.commands.ImagesCommand;
import io.holdfast.cli.commands.InfoCommand;
import io.holdfast.cli.commands.InspectCommand;
import io.holdfast.cli.commands.KillCommand;
import io.holdfast.cli.commands.LogsCommand;
import io.holdfast.cli.commands.PauseCommand;
import io.holdfast.cli.commands.PsCommand;
import io.holdfast.cli.commands.RenameCommand;
import io.holdfast.cli.commands.RestartCommand;
import io.holdfast.cli.commands.RmCommand;
import io.holdfast.cli.commands.RunCommand;
import io.holdfast.cli.commands.ShellCommand;
import io.holdfast.cli.commands.StartCommand;
import io.holdfast.cli.commands.StatsCommand;
import io.holdfast.cli.commands.StopCommand;
import io.holdfast.cli.commands.SystemCommand;
import io.holdfast.cli.commands.DiffCommand;
import io.holdfast.cli.commands.PortCommand;
import io.holdfast.cli.commands.TopCommand;
import io.holdfast.cli.commands.UnpauseCommand;
import io.holdfast.cli.commands.VersionCommand;
import io.holdfast.cli.commands.WaitCommand;
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
        versionProvider = VersionCommand.ClientVersion.class,
        subcommands = {
            RunCommand.class, ExecCommand.class, CreateCommand.class, StartCommand.class, StopCommand.class,
            KillCommand.class, RmCommand.class, RestartCommand.class, RenameCommand.class, PauseCommand.class,
            UnpauseCommand.class, TopCommand.class, DiffCommand.class, PortCommand.class, StatsCommand.class, ContainerCommand.class, CpCommand.class,
            ExportCommand.class, WaitCommand.class, InspectCommand.class, LogsCommand.class, PsCommand.class,
            InfoCommand.class, EventsCommand.class, VersionCommand.class, ImageCommand.class, ImagesCommand.class, LoadCommand.class, SaveCommand.class, PullCommand.class, PushCommand.class, NetworkCommand.class, VolumeCommand.class, SystemCommand.class,
            ShellCommand.class})
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
        Io io = Io.system();
        int status = run(io, System.getenv(), args);
        io.out().flush();
        io.err().flush();
        System.exit(status);
    }

    /** Parses and runs one command line; returns the process exit status. */
    public static int run(Io io, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new HoldfastCli(io, environment))
                .setOut(writer(io.out()))
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
        // Everything after IMAGE is the container's command, options included: `run busybox sh -c 'echo hi'`.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.getSubcommands().get("create").setStopAtPositional(true);
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        // `top web -o pid,comm`: what follows the container goes to ps
        commandLine.getSubcommands().get("top").setStopAtPositional(true);
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
