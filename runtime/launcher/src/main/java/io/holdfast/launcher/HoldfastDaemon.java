package io.holdfast.launcher;

import io.holdfast.common.io.InheritedSocket;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code holdfastd}: runs the engine in the foreground, like dockerd. Exit codes: 0 after a clean stop, 1 when the
 * engine could not start (the reason is printed), 2 for bad flags.
 */
public final class HoldfastDaemon {
    private final DaemonFlags flags;
    /** Serves the API's sockets from the start until the API bundle takes them ({@link EarlySocket}). */
    private final EarlySocket earlySocket;
    /** Where the listening socket a service manager handed over is bound; empty without one. */
    private final Optional<Path> inherited;

    private HoldfastDaemon(EarlySocket earlySocket, Optional<Path> inherited, DaemonFlags flags) {
        this.earlySocket = earlySocket;
        this.inherited = inherited;
        this.flags = flags;
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
        DaemonFlags.Reading reading = DaemonFlags.read(args);
        System.exit(reading instanceof DaemonFlags.Run run ? runToExit(new HoldfastDaemon(early, inherited,
                run.flags())) : ((DaemonFlags.Exit) reading).code());
    }

    /**
     * The engine's exit code; 1 with the stack trace when it fails unexpectedly, as picocli's {@code execute} gave it.
     * The exit must come from {@code main} in any case: Felix's threads would keep a JVM alive after an exception.
     */
    private static int runToExit(HoldfastDaemon daemon) {
        try {
            return daemon.run();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    private int run() throws Exception {
        String problem = HostChecks.firstProblem();
        if (problem != null) {
            System.err.println("holdfastd: " + problem);
            return 1;
        }
        for (String host : flags.hosts()) {
            if (!host.startsWith("unix:///")) {
                System.err.println("holdfastd: -H " + host + ": only unix:///ABSOLUTE/PATH sockets are supported");
                return 2;
            }
        }
        HostSockets hostSockets = HostSockets.bind(LauncherHosts.of(flags.hosts(), flags.config()), inherited);
        try {
            for (ServerSocketChannel socket : hostSockets.sockets()) {
                earlySocket.serve(socket);
            }
            JdkWarmUp.startInBackground();
            LogFormat.install();
            CgroupTeardownCheck.forThisProcess().ifPresent(warning -> System.err.println("holdfastd: " + warning));
            EngineFramework engine = new EngineFramework(Distribution.locate(), frameworkProperties(),
                    LauncherExecRoot.of(flags.execRoot(), flags.config()), earlySocket, hostSockets);
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
        if (flags.config() != null) {
            props.put("holdfast.config", flags.config().toAbsolutePath().toString());
        }
        if (flags.dataRoot() != null) {
            props.put("holdfast.data-root", flags.dataRoot().toAbsolutePath().toString());
        }
        if (flags.execRoot() != null) {
            props.put("holdfast.exec-root", flags.execRoot().toAbsolutePath().toString());
        }
        if (!flags.hosts().isEmpty()) {
            props.put("holdfast.hosts", String.join(",", flags.hosts()));
        }
        // The console is the API bundle's (the same sessions and completion as `holdfast shell`); Gogo's own shell
        // bundle stays for its commands (echo, grep, ...), never for a console of its own.
        props.put("holdfast.console", Boolean.toString(flags.console()));
        props.put("gosh.args", "--nointeractive");
        return props;
    }
}
