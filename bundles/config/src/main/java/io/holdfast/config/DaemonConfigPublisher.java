package io.holdfast.config;

import io.holdfast.common.osgi.FatalError;
import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.DaemonConfigSource;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Reads the configuration at start, takes the data root for this engine alone, and registers the
 * {@link DaemonConfig} service every other bundle waits for; on a reload reads it again ({@link DaemonConfigSource}).
 * An invalid configuration at start, or a data root another engine holds, ends the engine through
 * {@link FatalError}: a daemon must not run on a configuration its operator did not mean, and two engines on one
 * data root would corrupt each other's state. An invalid one at reload changes nothing.
 *
 * <p>A reload publishes the new configuration as a second service ranked above the first, then withdraws the
 * first: consumers hold it dynamically and greedily, so they switch over without being restarted.
 */
@Component(immediate = true, service = DaemonConfigSource.class)
public class DaemonConfigPublisher implements DaemonConfigSource {
    private static final Logger LOG = Logger.getLogger(DaemonConfigPublisher.class.getName());

    private final List<StorageDriver> drivers = new CopyOnWriteArrayList<>();
    private final List<NetworkBridge> bridges = new CopyOnWriteArrayList<>();
    private BundleContext context;
    private DaemonConfigReader reader;
    private FlagValues flags;
    private DaemonConfig running;
    private ServiceRegistration<DaemonConfig> registration;
    private int ranking;
    private DataRootLock lock;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        reader = new DaemonConfigReader(RuntimeLocator.system(), DaemonConfigReader.kernelDefaultStorageDriver());
        flags = FlagValues.from(context::getProperty);
        try {
            DaemonConfig config = reader.read(flags);
            LOG.info(() -> "configuration: live-restore=" + config.liveRestore() + ", data-root=" + config.dataRoot()
                    + ", exec-root=" + config.execRoot() + ", default-runtime=" + config.defaultRuntime()
                    + ", storage-driver=" + config.storageDriver() + (config.source() == null ? ""
                    : " (from " + config.source() + ")"));
            lock = DataRootLock.acquire(Path.of(config.dataRoot()));
            publish(config);
        } catch (ConfigException e) {
            FatalError.report(context, e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (lock != null) {
            lock.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDriver")
    void addDriver(StorageDriver driver) {
        drivers.add(driver);
    }

    void removeDriver(StorageDriver driver) {
        drivers.remove(driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeBridge")
    void addBridge(NetworkBridge bridge) {
        bridges.add(bridge);
    }

    void removeBridge(NetworkBridge bridge) {
        bridges.remove(bridge);
    }

    @Override
    public synchronized ConfigUpdate reread(boolean apply) {
        if (running == null) {
            throw new EngineException(Kind.FAILED, "the configuration was never loaded; see the engine log");
        }
        DaemonConfig candidate;
        try {
            candidate = reader.read(flags);
        } catch (ConfigException e) {
            throw new EngineException(Kind.INVALID, e.getMessage() + "; the running configuration stays in force");
        }
        List<String> problems = pluginProblems(candidate);
        if (!problems.isEmpty()) {
            throw new EngineException(Kind.INVALID, (candidate.source() == null ? "configuration" : candidate.source())
                    + ": " + String.join("; ", problems) + "; the running configuration stays in force");
        }
        ConfigUpdate update = ReloadClassifier.classify(running, candidate);
        if (apply && !update.reloadable().isEmpty()) {
            publish(ReloadClassifier.applyReloadable(running, candidate));
            LOG.info(() -> "configuration reloaded: " + update.reloadable());
        }
        if (apply && !update.needsRestart().isEmpty()) {
            LOG.warning(() -> "configuration changes pending until the engine restarts: " + update.needsRestart());
        }
        return update;
    }

    /** Every installed plugin's objections, and storage-opts naming a driver that is not installed. */
    private List<String> pluginProblems(DaemonConfig candidate) {
        List<String> problems = new ArrayList<>();
        drivers.forEach(driver -> problems.addAll(driver.validate(candidate)));
        bridges.forEach(bridge -> problems.addAll(bridge.validate(candidate)));
        for (String key : candidate.storageOpts().keySet()) {
            String driver = key.substring(0, key.indexOf('.'));
            if (drivers.stream().noneMatch(d -> d.name().equals(driver))) {
                problems.add("storage-opts: \"" + key + "\": no storage driver " + driver + " is installed");
            }
        }
        return problems;
    }

    /** Registers {@code config} above the running one, then withdraws that: consumers switch without a gap. */
    private synchronized void publish(DaemonConfig config) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking++);
        ServiceRegistration<DaemonConfig> previous = registration;
        registration = context.registerService(DaemonConfig.class, config, properties);
        running = config;
        if (previous != null) {
            previous.unregister();
        }
    }
}
