package io.holdfast.shim;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorExitListener;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 */
@Component(service = ContainerMonitor.class, immediate = true)
public class ConmonMonitor implements ContainerMonitor {
    private static final Logger LOG = Logger.getLogger(ConmonMonitor.class.getName());

    private final Map<String, HeldContainer> held = new ConcurrentHashMap<>();
    private final List<MonitorExitListener> listeners = new CopyOnWriteArrayList<>();
    private MonitorLayout layout;
    private ConmonLauncher launcher;
    private ExitWatcher exitWatcher;
    private ExecutorService notifier;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    @Activate
    void activate() throws IOException {
        layout = new MonitorLayout(Path.of(config.execRoot()));
        MonitorRecords records = new MonitorRecords(layout);
        launcher = new ConmonLauncher(findConmon(), layout, records);
        notifier = Executors.newSingleThreadExecutor(r -> new Thread(r, "holdfast-shim-exit-notifier"));
        held.putAll(new MonitorRecovery(layout, records, launcher).recover());
        LOG.info(() -> "shim holds " + held.size() + " container(s), " + held.values().stream()
                .filter(HeldContainer::running).count() + " running");
        exitWatcher = new ExitWatcher(layout.exitsDir(), this::checkExit, this::sweep);
        listeners.forEach(this::replayExits);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        exitWatcher.close();
        notifier.shutdown();
        notifier.awaitTermination(5, TimeUnit.SECONDS);
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

    @Override
    public MonitorStatus start(MonitorLaunch launch) throws MonitorException {
        HeldContainer previous = held.get(launch.containerId());
        if (previous != null && previous.running()) {
            throw new MonitorException("container " + launch.containerId() + " is already running");
        }
        if (previous != null) {
            release(launch.containerId(), false);
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
    public void signal(String containerId, String signal) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null || !container.running()) {
            throw new MonitorException("container " + containerId + " is not running");
        }
        runtimeOf(container).kill(containerId, signal);
    }

    @Override
    public void release(String containerId, boolean force) throws MonitorException {
        HeldContainer container = held.get(containerId);
        if (container == null) {
            return;
        }
        if (container.running() && !force) {
            throw new MonitorException("container " + containerId + " is still running");
        }
        runtimeOf(container).delete(containerId, true);
        launcher.abandon(containerId, runtimeOf(container));
        held.remove(containerId);
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
                announce(container.status());
            }
        });
    }

    /** The backstop for dropped inotify events and for monitors that died without writing an exit file. */
    private void sweep() {
        for (HeldContainer container : held.values()) {
            String id = container.record().containerId();
            checkExit(id);
            MonitorRecord record = container.record();
            if (container.running() && !ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                    && !ProcessProbe.isSame(record.pid(), record.pidStart())) {
                checkExit(id);
                if (container.running() && container.exited(MonitorRecovery.lost(id))) {
                    announce(container.status());
                }
            }
        }
    }

    private void announce(MonitorStatus ended) {
        LOG.fine(() -> ended.containerId() + " exited with " + ended.exit().code());
        for (MonitorExitListener listener : listeners) {
            notify(listener, ended);
        }
    }

    private void replayExits(MonitorExitListener listener) {
        for (HeldContainer container : held.values()) {
            if (!container.running()) {
                notify(listener, container.status());
            }
        }
    }

    private void notify(MonitorExitListener listener, MonitorStatus ended) {
        notifier.execute(() -> {
            try {
                listener.exited(ended);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an exit listener failed for " + ended.containerId(), e);
            }
        });
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
