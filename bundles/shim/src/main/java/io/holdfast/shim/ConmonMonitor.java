package io.holdfast.shim;

import io.holdfast.common.cgroup.Freezer;
import io.holdfast.common.cgroup.ProcessCgroups;
import io.holdfast.common.concurrent.InFlight;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExecExitListener;
import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorExitListener;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The shim: starts containers under conmon, watches for their exits, and after a restart finds them all again.
 * Deactivating it leaves every container running; nothing here owns a container's life.
 *
 * <p><b>Hand-off to the next revision.</b> The shim bundle may be updated in place by a reload. The launcher
 * registers, from the system bundle, a JDK-typed store: a {@code java.util.concurrent.ConcurrentMap<String, Object>}
 * service with {@code holdfast.handoff=true}, which outlives every bundle update. The contract:
 * <ol>
 * <li>At deactivation the shim refuses new {@code start}/{@code signal}/{@code release} calls, waits for those under
 * way, stops its threads (the exit watcher and the notifier) and closes its inotify watch, then puts what it holds
 * under {@value HandOff#KEY}: a {@code List<Map<String, Object>>} of {@code String}, {@code Long} and
 * {@code Boolean} values only (see {@link HandOff} for the keys), never a class of this bundle, so nothing in the store
 * keeps the old revision's class loader alive.</li>
 * <li>At activation the shim recovers from disk as after a restart, then <em>removes</em> the key and merges it in
 * ({@link HandOffCheck}): disk decides which containers exist and their records; the hand-off keeps the exits the
 * old revision had observed exactly (code, time, whether a listener had heard of them). Without a store, or without
 * an entry (after a crash or at engine start), disk alone is used.</li>
 * <li>Every exited container is replayed to each listener that binds, as {@link MonitorExitListener} promises, so an
 * exit that happened during the swap, or that the old revision saw but could not deliver, still arrives.</li>
 * </ol>
 * Execs ({@link ExecMonitors}) are not handed over: disk holds all there is to know about them, and each exited exec
 * is replayed to each {@link ExecExitListener} that binds.
 */
@Component(service = ContainerMonitor.class, immediate = true)
public class ConmonMonitor implements ContainerMonitor {
    private static final Logger LOG = Logger.getLogger(ConmonMonitor.class.getName());
    /** How long deactivation waits for a launch under way (a launch times out after 30 s itself). */
    private static final long IN_FLIGHT_WAIT_MILLIS = 40_000;
    private static final long THREAD_STOP_WAIT_SECONDS = 10;

    private final Map<String, HeldContainer> held = new ConcurrentHashMap<>();
    private final List<MonitorExitListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ExecExitListener> execListeners = new CopyOnWriteArrayList<>();
    private ExecMonitors execMonitors;
    private final InFlight calls = new InFlight();
    private MonitorLayout layout;
    private ConmonLauncher launcher;
    private ExitWatcher exitWatcher;
    private ExecutorService notifier;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    /** The launcher's JDK-typed store that carries what is held from this revision to the next. */
    @Reference(service = ConcurrentMap.class, target = "(holdfast.handoff=true)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConcurrentMap<String, Object> handOffStore;

    /** Monitor records, pid files and runtime logs an older engine left readable by others are made private. */
    private static void tightenExecRoot(MonitorLayout layout) {
        try {
            for (Path dir : layout.privateDirs()) {
                io.holdfast.common.io.StateModes.tightenTree(dir)
                        .forEach(line -> LOG.info(() -> "exec-root: tightened " + line));
            }
        } catch (IOException e) {
            LOG.warning(() -> "exec-root " + layout.execRoot() + ": cannot tighten its modes: " + e);
        }
    }

    @Activate
    void activate() throws IOException {
        layout = new MonitorLayout(Path.of(config.execRoot()));
        tightenExecRoot(layout);
        MonitorRecords records = new MonitorRecords(layout);
        Path conmon = findConmon();
        launcher = new ConmonLauncher(conmon, layout, records);
        notifier = Executors.newSingleThreadExecutor(r -> new Thread(r, "holdfast-shim-exit-notifier"));
        execMonitors = new ExecMonitors(layout, conmon, this::announceExec);
        long started = System.nanoTime();
        execMonitors.recover();
        Map<String, HeldContainer> fromDisk = new MonitorRecovery(layout, records, launcher).recover();
        held.putAll(takeHandOff(fromDisk));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "shim holds " + held.size() + " container(s), " + held.values().stream()
                .filter(HeldContainer::running).count() + " running (found in " + tookMillis + " ms)");
        exitWatcher = new ExitWatcher(layout.exitsDir(), this::checkExit, this::sweep);
        execMonitors.watchWith(exitWatcher);
        listeners.forEach(this::replayExits);
        execListeners.forEach(this::replayExecExits);
    }

    /** Merges in what the previous revision handed over, if anything; a hand-off that cannot be read is ignored. */
    private Map<String, HeldContainer> takeHandOff(Map<String, HeldContainer> fromDisk) {
        ConcurrentMap<String, Object> store = handOffStore;
        Object value = store == null ? null : store.remove(HandOff.KEY);
        if (value == null) {
            return fromDisk;
        }
        try {
            HandOffCheck.Outcome outcome = HandOffCheck.merge(fromDisk, HandOff.decode(value));
            LOG.info(outcome::describe);
            return outcome.held();
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.log(Level.WARNING, "cannot read the previous shim's hand-off; using disk alone", e);
            return fromDisk;
        }
    }

    /**
     * Stops every thread this revision started and waits for them, then hands what it holds to the next revision.
     * Nothing of this revision may survive: its class loader must be collectable after an update.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        int stillRunning = calls.closeAndAwait(IN_FLIGHT_WAIT_MILLIS);
        if (stillRunning > 0) {
            LOG.warning(stillRunning + " call(s) into the shim still running after "
                    + IN_FLIGHT_WAIT_MILLIS / 1000 + " s; the next revision recovers their containers from disk");
        }
        exitWatcher.close();
        notifier.shutdownNow(); // queued notifications stay undelivered and are handed over as such
        if (!notifier.awaitTermination(THREAD_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warning("the shim's exit notifier is still inside a listener after "
                    + THREAD_STOP_WAIT_SECONDS + " s");
        }
        ConcurrentMap<String, Object> store = handOffStore;
        if (store != null) {
            store.put(HandOff.KEY, HandOff.encode(held.values()));
        }
        held.clear();
        listeners.clear();
        execMonitors.clear();
        execListeners.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(MonitorExitListener listener) {
        listeners.add(listener);
        if (notifier != null) {
            replayExits(listener);
        }
    }

    void removeListener(MonitorExitListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExecListener(ExecExitListener listener) {
        execListeners.add(listener);
        if (notifier != null) {
            replayExecExits(listener);
        }
    }

    void removeExecListener(ExecExitListener listener) {
        execListeners.remove(listener);
    }

    @Override
    public MonitorStatus start(MonitorLaunch launch) throws MonitorException {
        enter("start " + launch.containerId());
        try {
            return startHeld(launch);
        } finally {
            calls.leave();
        }
    }

    private MonitorStatus startHeld(MonitorLaunch launch) throws MonitorException {
        HeldContainer previous = held.get(launch.containerId());
        if (previous != null && previous.running()) {
            throw new MonitorException("container " + launch.containerId() + " is already running");
        }
        if (previous != null) {
            releaseHeld(launch.containerId(), false);
        }
        HeldContainer container = new HeldContainer(launcher.launch(launch), null);
        held.put(launch.containerId(), container);
        checkExit(launch.containerId()); // it may have ended already
        return container.status();
    }

    @Override
    public Optional<MonitorStatus> status(String containerId) {
        return Optional.ofNullable(held.get(containerId)).map(HeldContainer::status);
    }

    @Override
    public Collection<MonitorStatus> held() {
        return held.values().stream().map(HeldContainer::status).toList();
    }

    @Override
    public Collection<MonitorStatus> unmonitored() throws MonitorException {
        return new RuntimeListing(layout).unmonitored(config.runtimes().values(), held.keySet());
    }

    @Override
    public OutputStream openStdin(String containerId) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            throw new MonitorException("container " + containerId + " is not running");
        }
        return StdinRelay.open(Path.of(container.record().bundleDir()), "container " + containerId);
    }

    @Override
    public void signal(String containerId, String signal) throws MonitorException {
        enter("signal " + signal + " to " + containerId);
        try {
            HeldContainer container = held.get(containerId);
            if (container == null || !container.running()) {
                throw new MonitorException("container " + containerId + " is not running");
            }
            if (!DirectSignal.send(container.record(), signal)) {
                runtimeOf(container).kill(containerId, signal);
            }
        } finally {
            calls.leave();
        }
    }

    @Override
    public void pause(String containerId) throws MonitorException {
        enter("pause " + containerId);
        try {
            runtimeOf(runningHeld(containerId)).pause(containerId);
        } finally {
            calls.leave();
        }
    }

    @Override
    public void resume(String containerId) throws MonitorException {
        enter("resume " + containerId);
        try {
            runtimeOf(runningHeld(containerId)).resume(containerId);
        } finally {
            calls.leave();
        }
    }

    @Override
    public void updateResources(String containerId, String linuxResources) throws MonitorException {
        enter("update " + containerId);
        try {
            runtimeOf(runningHeld(containerId)).update(containerId, linuxResources);
        } finally {
            calls.leave();
        }
    }

    @Override
    public boolean paused(String containerId) {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            return false;
        }
        try {
            return Freezer.frozen(ProcessCgroups.of(ProcessCgroups.ROOT, container.record().pid()));
        } catch (IOException e) {
            return false; // the process is gone: it is exiting, not paused
        }
    }

    @Override
    public List<Long> processes(String containerId) throws MonitorException {
        String json = runtimeOf(runningHeld(containerId)).psJson(containerId);
        try {
            List<Long> pids = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode pid : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json)) {
                pids.add(pid.asLong());
            }
            return pids;
        } catch (IOException e) {
            throw new MonitorException("cannot read the runtime's process list of " + containerId + ": " + json, e);
        }
    }

    private HeldContainer runningHeld(String containerId) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            throw new MonitorException("container " + containerId + " is not running");
        }
        return container;
    }

    @Override
    public void release(String containerId, boolean force) throws MonitorException {
        enter("release " + containerId);
        try {
            releaseHeld(containerId, force);
        } finally {
            calls.leave();
        }
    }

    private void releaseHeld(String containerId, boolean force) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null) {
            if (force) {
                endUnmonitored(containerId);
            }
            return;
        }
        if (container.running() && !force) {
            throw new MonitorException("container " + containerId + " is still running");
        }
        runtimeOf(container).delete(containerId, true);
        launcher.abandon(containerId, runtimeOf(container));
        held.remove(containerId);
    }

    /**
     * Kills and deletes a container no monitor holds, if a runtime knows it: one whose state directory
     * ({@code <root>/<id>}, runc's and crun's) is there. Not by listing the runtime: {@code runc list} fails when any
     * other container's directory vanishes while it reads them, as in a {@code docker rm -f a b c}.
     */
    private void endUnmonitored(String containerId) throws MonitorException {
        for (OciRuntime runtime : config.runtimes().values()) {
            Path root = layout.runtimeRoot(runtime.name());
            if (Files.isDirectory(root.resolve(containerId), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                new OciRuntimeCli(runtime, root).delete(containerId, true);
                LOG.info(() -> "ended " + containerId + ", which no monitor held");
            }
        }
    }

    @Override
    public ExecStatus exec(ExecLaunch launch) throws MonitorException {
        enter("exec " + launch.execId() + " in " + launch.containerId());
        try {
            HeldContainer container = held.get(launch.containerId());
            if (container == null || !container.running()) {
                throw new MonitorException("container " + launch.containerId() + " is not running");
            }
            return execMonitors.launch(launch);
        } finally {
            calls.leave();
        }
    }

    @Override
    public Optional<ExecStatus> execStatus(String execId) {
        return execMonitors.status(execId);
    }

    @Override
    public Collection<ExecStatus> execs() {
        return execMonitors.all();
    }

    @Override
    public void releaseExec(String execId) throws MonitorException {
        enter("release exec " + execId);
        try {
            execMonitors.release(execId);
        } finally {
            calls.leave();
        }
    }

    @Override
    public void resizeTerminal(String containerId, int height, int width) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            throw new MonitorException("container " + containerId + " is not running");
        }
        TerminalControl.resize(Path.of(container.record().bundleDir()), "container " + containerId, height, width);
    }

    @Override
    public void resizeExecTerminal(String execId, int height, int width) throws MonitorException {
        requireRunningExec(execId);
        TerminalControl.resize(layout.execDir(execId), "exec " + execId, height, width);
    }

    @Override
    public OutputStream openExecStdin(String execId) throws MonitorException {
        requireRunningExec(execId);
        return StdinRelay.open(layout.execDir(execId), "exec " + execId);
    }

    private void requireRunningExec(String execId) throws MonitorException {
        if (!execMonitors.status(execId).map(ExecStatus::running).orElse(false)) {
            throw new MonitorException("exec " + execId + " is not running");
        }
    }

    /** Admits a call that changes a container, or refuses it once this revision is going away. */
    private void enter(String what) throws MonitorException {
        if (!calls.tryEnter()) {
            throw new MonitorException(what + " was not done: the shim is stopping (being updated or shut down); "
                    + "try again in a moment");
        }
    }

    private OciRuntimeCli runtimeOf(HeldContainer container) {
        var runtime = container.record().runtime();
        return new OciRuntimeCli(runtime, layout.runtimeRoot(runtime.name()));
    }

    /** Called for every change in the exits directory and by the sweep. */
    private void checkExit(String containerId) {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            return;
        }
        ExitFiles.read(layout.exitFile(containerId)).ifPresent(exit -> {
            if (container.exited(exit)) {
                announce(container);
            }
        });
    }

    /** The backstop for dropped inotify events and for monitors that died without writing an exit file. */
    private void sweep() {
        execMonitors.sweep();
        Predicate<String> exitFileWritten = ExitFiles.presentIn(layout.exitsDir());
        for (HeldContainer container : held.values()) {
            String id = container.record().containerId();
            if (exitFileWritten.test(id)) {
                checkExit(id);
            }
            MonitorRecord record = container.record();
            if (container.running() && !ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                    && !ProcessProbe.isSame(record.pid(), record.pidStart())) {
                checkExit(id);
                if (container.running() && container.exited(MonitorRecovery.lost(id))) {
                    announce(container);
                }
            }
        }
    }

    private void announce(HeldContainer container) {
        LOG.fine(() -> container.record().containerId() + " exited with " + container.exit().code());
        for (MonitorExitListener listener : listeners) {
            notify(listener, container);
        }
    }

    private void announceExec(HeldExec exec) {
        for (ExecExitListener listener : execListeners) {
            notifyExec(listener, exec);
        }
    }

    private void replayExecExits(ExecExitListener listener) {
        execMonitors.exited().forEach(exec -> notifyExec(listener, exec));
    }

    /** Tells one exec listener on the notifier thread; after deactivation has begun, the next revision replays it. */
    private void notifyExec(ExecExitListener listener, HeldExec exec) {
        ExecStatus ended = exec.status();
        try {
            notifier.execute(() -> {
                if (!execListeners.contains(listener)) {
                    return;
                }
                try {
                    listener.execExited(ended);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "an exec exit listener failed for " + ended.execId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "the shim is stopping; the exit of exec " + ended.execId() + " is replayed by the next");
        }
    }

    private void replayExits(MonitorExitListener listener) {
        for (HeldContainer container : held.values()) {
            if (!container.running()) {
                notify(listener, container);
            }
        }
    }

    /**
     * Tells one listener on the notifier thread, unless it has left meanwhile. After deactivation has begun the
     * notification is dropped; the exit is handed over as undelivered and replayed by the next revision.
     */
    private void notify(MonitorExitListener listener, HeldContainer container) {
        MonitorStatus ended = container.status();
        try {
            notifier.execute(() -> {
                if (!listeners.contains(listener)) {
                    return;
                }
                try {
                    listener.exited(ended);
                    container.markDelivered();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "an exit listener failed for " + ended.containerId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "the shim is stopping; the exit of " + ended.containerId() + " is handed over");
        }
    }

    private static Path findConmon() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "conmon");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path podman = Path.of("/usr/libexec/podman/conmon");
        if (Files.isExecutable(podman)) {
            return podman;
        }
        throw new IOException("conmon was not found on PATH; install it (apt-get install conmon)");
    }
}
