package io.holdfast.launcher;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * holdfastd's flags. Declared with picocli's programmatic model, not its annotations: reading the annotations made
 * the JVM generate a proxy class per annotation type, ~130 ms on the way to every engine start (generated classes
 * cannot be archived), for five flags. Paths are null when not given.
 */
record DaemonFlags(Path config, Path dataRoot, Path execRoot, List<String> hosts, boolean console) {
    private static final String CONFIG = "--config";
    private static final String DATA_ROOT = "--data-root";
    private static final String EXEC_ROOT = "--exec-root";
    private static final String HOST = "--host";
    private static final String CONSOLE = "--console";

    /** What the command line asked for: to run with these flags, or an exit code (help printed, or bad flags). */
    sealed interface Reading {
    }

    record Run(DaemonFlags flags) implements Reading {
    }

    record Exit(int code) implements Reading {
    }

    /** Reads {@code args}; prints the help, the version, or what is wrong with them (then exit 2) itself. */
    static Reading read(String... args) {
        CommandLine cli = new CommandLine(spec());
        try {
            ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return new Exit(0);
            }
            return new Run(new DaemonFlags(parsed.matchedOptionValue(CONFIG, null),
                    parsed.matchedOptionValue(DATA_ROOT, null), parsed.matchedOptionValue(EXEC_ROOT, null),
                    parsed.matchedOptionValue(HOST, List.of()), parsed.matchedOptionValue(CONSOLE, false)));
        } catch (ParameterException e) {
            cli.getErr().println("holdfastd: " + e.getMessage() + " (see holdfastd --help)");
            return new Exit(2);
        }
    }

    private static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("holdfastd").version("holdfastd " + version());
        spec.usageMessage().description("Runs the Holdfast container engine in the foreground. Needs root.");
        spec.addOption(path(CONFIG, "FILE", "daemon.json to read (default: none, all defaults)"));
        spec.addOption(path(DATA_ROOT, "DIR", "persistent state (default /var/lib/holdfast)"));
        spec.addOption(path(EXEC_ROOT, "DIR", "runtime state (default /run/holdfast)"));
        spec.addOption(OptionSpec.builder("-H", HOST).paramLabel("unix://PATH").type(List.class)
                .auxiliaryTypes(String.class).description("API socket; repeatable (default unix:///run/holdfast.sock)")
                .build());
        spec.addOption(OptionSpec.builder(CONSOLE).type(boolean.class).description("also open the engine's shell on"
                + " this terminal (what `holdfast shell` opens over the socket)").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and"
                + " exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version"
                + " information and exit.").build());
        return spec;
    }

    private static OptionSpec path(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(Path.class).description(description).build();
    }

    /** The version of this launcher's jar. */
    private static String version() {
        String version = DaemonFlags.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
