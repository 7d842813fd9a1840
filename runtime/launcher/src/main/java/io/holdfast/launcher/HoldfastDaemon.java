package io.holdfast.launcher;

import io.holdfast.common.io.InheritedSocket;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfastd}: runs the engine in the foreground, like dockerd. Exit codes: 0 after a clean stop, 1 when the
 * engine could not start (the reason is printed), 2 for bad flags.
 */
@Command(name = "holdfastd", mixinStandardHelpOptions = true, versionProvider = HoldfastDaemon.Version.class,
        description = "Runs the Holdfast container engine in the foreground. Needs root.")
public final class HoldfastDaemon implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "daemon.json to read (default: none, all defaults)")
    Path config;

    @Option(names = "--data-root", paramLabel = "DIR", description = "persistent state (default /var/lib/holdfast)")
    Path dataRoot;

    @Option(names = "--exec-root", paramLabel = "DIR", description = "runtime state (default /run/holdfast)")
    Path execRoot;

    @Option(names = {"-H", "--host"}, paramLabel = "unix://PATH",
            description = "API socket; repeatable (default unix:///run/holdfast.sock)")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--console", description = "also open the engine's shell on this terminal (what `holdfast shell`"
            + " opens over the socket)")
    boolean console;

    /** Serves the API's sockets from the start until the API bundle takes them ({@link EarlySocket}). */
    private final EarlySocket earlySocket;
    /** Where the listening socket a service manager handed over is bound; empty without one. */
    private final Optional<Path> inherited;

    private HoldfastDaemon(EarlySocket earlySocket, Optional<Path> inherited) {
        this.earlySocket = earlySocket;
        this.inherited = inherited;
    }

    public static void main(String[] args) throws IOException {
        // First of all, before the flags are read: a client polling a held socket is answered within the JVM's start.
        EarlySocket early = EarlySocket.create(new InstalledEngineVersion(() -> {
            try {
                return Distribution.locate().bundles();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }));
        Optional<Path> inherited = inheritedPath();
        if (inherited.isPresent()) {
            early.serve((ServerSocketChannel) System.inheritedChannel());
        }
        CommandLine cli = new CommandLine(new HoldfastDaemon(early, inherited));
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("holdfastd: " + e.getMessage() + " (see holdfastd --help)");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String problem = HostChecks.firstProblem();
        if (problem != null) {
            System.err.println("holdfastd: " + problem);
            return 1;
        }
        for (String host : hosts) {
            if (!host.startsWith("unix:///")) {
                System.err.println("holdfastd: -H " + host + ": only unix:///ABSOLUTE/PATH sockets are supported");
                return 2;
            }
        }
        HostSockets hostSockets = HostSockets.bind(LauncherHosts.of(hosts, config), inherited);
        try {
            for (ServerSocketChannel socket : hostSockets.sockets()) {
                earlySocket.serve(socket);
            }
            JdkWarmUp.startInBackground();
            LogFormat.install();
            CgroupTeardownCheck.forThisProcess().ifPresent(warning -> System.err.println("holdfastd: " + warning));
            EngineFramework engine = new EngineFramework(Distribution.locate(), frameworkProperties(),
                    LauncherExecRoot.of(execRoot, config), earlySocket, hostSockets);
            return engine.runUntilStopped();
        } finally {
            hostSockets.closeUntaken(); // the engine ended before the API bundle took them
        }
    }

    /** An inherited socket that cannot serve the API is left to the API bundle, which reports it. */
    private static Optional<Path> inheritedPath() {
        try {
            return InheritedSocket.path();
        } catch (IOException unusable) {
            return Optional.empty();
        }
    }

    private java.util.Map<String, String> frameworkProperties() {
        java.util.Map<String, String> props = new java.util.HashMap<>();
        if (config != null) {
            props.put("holdfast.config", config.toAbsolutePath().toString());
        }
        if (dataRoot != null) {
            props.put("holdfast.data-root", dataRoot.toAbsolutePath().toString());
        }
        if (execRoot != null) {
            props.put("holdfast.exec-root", execRoot.toAbsolutePath().toString());
        }
        if (!hosts.isEmpty()) {
            props.put("holdfast.hosts", String.join(",", hosts));
        }
        // The console is the API bundle's (the same sessions and completion as `holdfast shell`); Gogo's own shell
        // bundle stays for its commands (echo, grep, ...), never for a console of its own.
        props.put("holdfast.console", Boolean.toString(console));
        props.put("gosh.args", "--nointeractive");
        return props;
    }

    /** The version of this launcher's jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = HoldfastDaemon.class.getPackage().getImplementationVersion();
            return new String[] {"holdfastd " + (version == null ? "development build" : version)};
        }
    }
}
