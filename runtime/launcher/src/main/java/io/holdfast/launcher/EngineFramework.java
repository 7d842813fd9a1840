package io.holdfast.launcher;

import io.holdfast.common.osgi.BundlesStarted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Runs Felix with the engine's bundles until it stops. The framework's cache is private to this process and thrown
 * away: the bundles in {@code bundle/} are the truth at every start, and nothing else needs to persist in it.
 */
final class EngineFramework {
    /** The packages the launcher's class path exports into the framework (Jetty logs through SLF4J to JUL). */
    private static final String SYSTEM_PACKAGES_EXTRA = "org.slf4j;version=2.0.17,org.slf4j.spi;version=2.0.17,"
            + "org.slf4j.event;version=2.0.17,org.slf4j.helpers;version=2.0.17";
    private static final String RESTORE_REPORT = "io.holdfast.spi.restore.RestoreReport";
    /**
     * Started before the others, as Karaf's start levels do: Declarative Services activates a bundle's components
     * only once it runs itself, and Configuration Admin is what some of them wait for. Started in name order, SCR came
     * about 25th of 41, and no component (the API's socket among them) came up before it.
     */
    private static final Set<String> EXTENDERS_FIRST = Set.of("org.apache.felix.scr",
            "org.apache.felix.configadmin");

    /** How long a start may take before the log says what it waits for ({@link SlowStartReport}). */
    private static final Duration SLOW_START = Duration.ofSeconds(60);

    private final Distribution dist;
    private final Map<String, String> properties;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    /** Where Felix's cache goes ({@link FrameworkCache}). */
    private final Path execRoot;

    private final EarlySocket earlySocket;
    private final HostSockets hostSockets;

    EngineFramework(Distribution dist, Map<String, String> properties, Path execRoot, EarlySocket earlySocket,
            HostSockets hostSockets) {
        this.dist = dist;
        this.properties = properties;
        this.execRoot = execRoot;
        this.earlySocket = earlySocket;
        this.hostSockets = hostSockets;
    }

    int runUntilStopped() throws Exception {
        StartupClock clock = new StartupClock();
        Path cache = FrameworkCache.create(execRoot);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(config(cache));
        // SIGTERM and SIGINT stop the framework and let main return 0, as dockerd exits 0 on SIGTERM; the hook
        // covers every other way the JVM may end.
        StopSignals.handle(() -> stop(framework), () -> reload(framework));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "holdfast-shutdown"));
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            registerFatalReporter(context, framework);
            registerHandOffStore(context);
            if (earlySocket.serving()) {
                registerEarlySockets(context, earlySocket, hostSockets);
            }
            SlowStartReport slowStart = new SlowStartReport(context, SLOW_START);
            announceWhenReady(context, clock, slowStart);
            framework.start();
            clock.frameworkStarted();
            List<Bundle> bundles = installAll(context);
            clock.bundlesInstalled();
            startAll(context, bundles);
            slowStart.bundlesStarted();
            FrameworkEvent event;
            do {
                event = framework.waitForStop(0);
            } while (event.getType() == FrameworkEvent.STOPPED_UPDATE);
            if (fatal.get() != null) {
                return 1;
            }
            return event.getType() == FrameworkEvent.ERROR ? 1 : 0;
        } catch (BundleException e) {
            System.err.println("holdfastd: " + e.getMessage());
            stop(framework);
            return 1;
        } finally {
            FrameworkCache.delete(cache);
        }
    }

    private Map<String, String> config(Path cache) {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        config.put("holdfast.deploy", dist.deploy().toString());
        config.put("felix.log.level", "1");
        // SCR's warnings too, on stderr (its default is errors only): a binding it skipped or failed says so there.
        // A normal start and stop print none; -Dds.loglevel=debug (HOLDFAST_JAVA_OPTS) shows all it does.
        config.putIfAbsent("ds.loglevel", System.getProperty("ds.loglevel", "warn"));
        return config;
    }

    private List<Bundle> installAll(BundleContext context) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dist.bundles())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        return installed;
    }

    /**
     * Starts every bundle on all cores at once (most of a start is loading classes and activating components, which
     * the bundles do independently), then registers the marker that what needs all of them waits for
     * ({@link BundlesStarted}). A bundle that cannot start ends the engine, as before, once the others have returned.
     */
    private static void startAll(BundleContext context, List<Bundle> bundles) throws BundleException {
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles); // one resolve for them all
        for (Bundle bundle : bundles) {
            if (EXTENDERS_FIRST.contains(bundle.getSymbolicName())) {
                start(bundle);
            }
        }
        ExecutorService starters = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                new NamedThreads("holdfast-bundle-start"));
        List<Future<?>> starts = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null
                    && !EXTENDERS_FIRST.contains(bundle.getSymbolicName())) {
                starts.add(starters.submit(() -> start(bundle)));
            }
        }
        starters.shutdown();
        BundleException failed = null;
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                if (failed == null && e.getCause() instanceof BundleException cause) {
                    failed = cause;
                } else if (failed == null) {
                    failed = new BundleException("a bundle cannot start: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BundleException("interrupted while the bundles start", e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(BundlesStarted.PROPERTY, "true");
        context.registerService(Object.class, new Object(), props);
    }

    private static Void start(Bundle bundle) throws BundleException {
        try {
            bundle.start();
            return null;
        } catch (BundleException e) {
            throw new BundleException("bundle " + bundle.getSymbolicName() + " cannot start: " + e.getMessage(), e);
        }
    }

    /** Names the start threads, so a thread dump taken during a slow start says what they are. */
    private record NamedThreads(String name) implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, name);
        }
    }

    /**
     * SIGHUP: runs the reload bundle's reload through the JDK-typed {@code Supplier<String>} it registers with
     * {@code holdfast.reload=true}, and prints what it did.
     */
    @SuppressWarnings("unchecked")
    private static void reload(Framework framework) {
        BundleContext context = framework.getBundleContext();
        try {
            var references = context == null ? null
                    : context.getServiceReferences(Supplier.class.getName(), "(holdfast.reload=true)");
            if (references == null || references.length == 0) {
                System.err.println("holdfastd: SIGHUP received, but the reload bundle is not running; nothing changed");
                return;
            }
            var reloader = (Supplier<String>) context.getService(references[0]);
            try {
                System.err.println("holdfastd: SIGHUP: " + reloader.get().replace("\n", "\n  "));
            } finally {
                context.ungetService(references[0]);
            }
        } catch (org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            System.err.println("holdfastd: SIGHUP: reload failed: " + e.getMessage());
        }
    }

    /**
     * A JDK-typed service any bundle may call with a sentence when the engine cannot run (a bad daemon.json): the
     * launcher prints it and stops the framework, and the process exits with 1.
     */
    private void registerFatalReporter(BundleContext context, Framework framework) {
        Consumer<String> reporter = message -> {
            if (fatal.compareAndSet(null, message)) {
                System.err.println("holdfastd: " + message);
                new Thread(() -> stop(framework), "holdfast-fatal-stop").start();
            }
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("holdfast.fatal", "true");
        context.registerService(Consumer.class, reporter, props);
    }

    /**
     * A JDK-typed store that outlives every bundle update, for a bundle to hand what it holds to its next revision:
     * a {@code ConcurrentMap<String, Object>} with {@code holdfast.handoff=true}. Values must be JDK types only (a
     * bundle's own class would keep the old revision's class loader alive); each bundle uses keys under its own
     * package name and removes what it takes. The shim documents its entry in {@code ConmonMonitor}.
     */
    private static void registerHandOffStore(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("holdfast.handoff", "true");
        context.registerService(ConcurrentMap.class, new ConcurrentHashMap<String, Object>(), props);
    }

    /**
     * The API's sockets, which the launcher serves until the API bundle takes them ({@link EarlySocket}), as two
     * JDK-typed services: {@code Supplier<Map<SocketChannel, ByteBuffer>>} with {@code holdfast.early-socket=true}
     * stops serving and gives the connections held meanwhile; {@code Supplier<Map<Path, ServerSocketChannel>>} with
     * {@code holdfast.early-socket.bound=true} gives the sockets the launcher bound for {@code hosts}
     * ({@link HostSockets}).
     */
    private static void registerEarlySockets(BundleContext context, EarlySocket socket, HostSockets hostSockets) {
        Dictionary<String, Object> held = new Hashtable<>();
        held.put("holdfast.early-socket", "true");
        Supplier<Map<SocketChannel, ByteBuffer>> handOver = socket::handOver;
        context.registerService(Supplier.class, handOver, held);
        Dictionary<String, Object> bound = new Hashtable<>();
        bound.put("holdfast.early-socket.bound", "true");
        Supplier<Map<Path, ServerSocketChannel>> take = hostSockets::take;
        context.registerService(Supplier.class, take, bound);
    }

    /**
     * Prints one line once the restore has run and the API is about to open, or what the start waits for if that
     * takes too long.
     */
    private static void announceWhenReady(BundleContext context, StartupClock clock, SlowStartReport slowStart)
            throws Exception {
        String filter = "(" + Constants.OBJECTCLASS + "=" + RESTORE_REPORT + ")";
        context.addServiceListener(new ServiceListener() {
            @Override
            public void serviceChanged(ServiceEvent event) {
                if (event.getType() == ServiceEvent.REGISTERED) {
                    slowStart.disarm();
                    System.err.println("holdfastd: " + clock.ready());
                    context.removeServiceListener(this);
                }
            }
        }, filter);
        slowStart.arm();
    }

    private static void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                framework.stop();
            }
            framework.waitForStop(120_000);
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            // the process is ending anyway
        }
    }
}
