package io.holdfast.config;

import io.holdfast.common.osgi.FatalError;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.DaemonConfigSource;
import io.holdfast.spi.config.SettingChange;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.storage.StorageDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@link DaemonConfig} service every other bundle waits for; hands each component that declares keys
 * ({@link ConfigKeys}) its checked values as a {@code ComponentConfig} when it arrives; on a reload reads the file
 * again ({@link DaemonConfigSource}). An invalid configuration at start, or a data root another engine holds, ends
 * the engine through {@link FatalError}: a daemon must not run on a configuration its operator did not mean, and two
 * engines on one data root would corrupt each other's state. An invalid one at reload changes nothing.
 *
 * <p>A reload publishes the new configuration as a second service ranked above the first, then withdraws the
 * first: consumers hold it dynamically and greedily, so they switch over without being restarted.
 */
@Component(immediate = true, service = DaemonConfigSource.class)
public class DaemonConfigPublisher implements DaemonConfigSource {
    private static final Logger LOG = Logger.getLogger(DaemonConfigPublisher.class.getName());

    private final Map<String, ConfigKeys> owners = new ConcurrentHashMap<>();
    private final Set<String> storageDrivers = ConcurrentHashMap.newKeySet();
    private BundleContext context;
    private DaemonConfigReader reader;
    private FlagValues flags;
    private DaemonConfig running;
    /** The file as last read (at start or by the last applied reload): what an arriving owner is checked against. */
    private volatile DaemonFile latest;
    /** Which component declared each key on this data root; known once the data root is. */
    private volatile DeclaredKeys declaredKeys;
    private ComponentConfigs componentConfigs;
    private ServiceRegistration<DaemonConfig> registration;
    private int ranking;
    private DataRootLock lock;
    /**
     * Whether the engine has finished starting: the launcher announces "ready" on the same restore report. Until
     * then an owner's invalid keys stop the engine as any invalid daemon.json does; afterwards they refuse only
     * that owner (and the reload that brings it puts it back).
     */
    private volatile boolean started;

    /**
     * Not synchronized as a whole: registering {@link DaemonConfig} activates most of the engine's components on this
     * thread, and the components that declare keys arrive meanwhile on the bundles' other start threads
     * ({@link #addOwner}). Holding this object's monitor through the registration would make each of them wait
     * for all of that, and any of those activations that needed one of them would never end.
     */
    @Activate
    void activate(BundleContext bundleContext) {
        DaemonFile file;
        DaemonConfig config;
        synchronized (this) {
            context = bundleContext;
            componentConfigs = new ComponentConfigs(context);
            reader = new DaemonConfigReader(RuntimeLocator.system(), DaemonConfigReader.kernelDefaultStorageDriver());
            flags = FlagValues.from(context::getProperty);
            try {
                file = reader.file(flags);
                config = reader.core(file, flags);
                LOG.info(() -> "configuration: live-restore=" + config.liveRestore() + ", data-root="
                        + config.dataRoot() + ", exec-root=" + config.execRoot() + ", default-runtime="
                        + config.defaultRuntime() + ", storage-driver=" + config.storageDriver()
                        + (config.source() == null ? "" : " (from " + config.source() + ")"));
                lock = DataRootLock.acquire(Path.of(config.dataRoot()));
                tightenDataRoot(Path.of(config.dataRoot()));
                declaredKeys = DeclaredKeys.load(Path.of(config.dataRoot()));
            } catch (ConfigException e) {
                FatalError.report(context, e.getMessage());
                return;
            }
        }
        publish(config);
        synchronized (this) {
            latest = file; // from here on an arriving owner is configured by addOwner; those here already, now
            for (ConfigKeys owner : List.copyOf(owners.values())) {
                declaredKeys.remember(owner);
                configure(owner);
            }
        }
    }

    /** A data root an older engine wrote (0755 directories, 0644 files) is made private before anything reads it. */
    private static void tightenDataRoot(Path dataRoot) {
        try {
            java.util.List<String> changed = io.holdfast.common.io.StateModes.tightenDataRoot(dataRoot);
            changed.forEach(line -> LOG.info(() -> "data-root: tightened " + line));
            if (!changed.isEmpty()) {
                LOG.warning(() -> "data-root " + dataRoot + ": " + changed.size() + " paths were readable by other"
                        + " users; they are private now (see the lines above)");
            }
        } catch (java.io.IOException e) {
            LOG.warning(() -> "data-root " + dataRoot + ": cannot tighten its modes: " + e);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (componentConfigs != null) {
            componentConfigs.withdrawAll();
        }
        if (registration != null) {
            registration.unregister();
        }
        if (lock != null) {
            lock.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeOwner")
    synchronized void addOwner(ConfigKeys owner) {
        String conflict = keyOwners().conflict(owner);
        if (conflict != null) {
            LOG.severe(() -> owner.owner() + " cannot own its daemon.json keys: " + conflict + "; it stays unconfigured");
            return;
        }
        owners.put(owner.owner(), owner);
        if (latest != null) {
            declaredKeys.remember(owner);
            configure(owner);
        }
    }

    synchronized void removeOwner(ConfigKeys owner) {
        if (owners.remove(owner.owner(), owner) && componentConfigs != null) {
            componentConfigs.withdraw(owner.owner());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDriver")
    void addDriver(StorageDriver driver) {
        storageDrivers.add(driver.name());
    }

    void removeDriver(StorageDriver driver) {
        storageDrivers.remove(driver.name());
    }

    /**
     * The first restore report marks the end of the engine's start, when every installed component has declared its
     * keys: a key none declares, and none declared before on this data root, stops the engine as any invalid
     * daemon.json does; keys of components missing now are reported.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "restoreReportGone")
    synchronized void engineStarted(RestoreReport report) {
        DaemonFile file = latest;
        if (!started && file != null) {
            try {
                keyOwners().rejectUnknown(file);
            } catch (ConfigException e) {
                FatalError.report(context, e.getMessage());
                return;
            }
            keyOwners().unclaimed(file).forEach(LOG::warning);
        }
        started = true;
    }

    void restoreReportGone(RestoreReport report) {
        // the engine stays started while the supervisor is swapped
    }

    @Override
    public synchronized ConfigUpdate reread(boolean apply) {
        if (running == null) {
            throw new EngineException(Kind.FAILED, "the configuration was never loaded; see the engine log");
        }
        DaemonFile file;
        DaemonConfig candidate;
        Map<String, Map<String, Object>> checked;
        KeyOwners keyOwners = keyOwners();
        try {
            file = reader.file(flags);
            candidate = reader.core(file, flags);
            keyOwners.rejectUnknown(file);
            checked = keyOwners.checkAll(file);
        } catch (ConfigException e) {
            throw new EngineException(Kind.INVALID, e.getMessage() + "; the running configuration stays in force");
        }
        ConfigUpdate core = ReloadClassifier.classify(running, candidate);
        OwnerReload owned = OwnerReload.plan(checked, owner -> owners.get(owner).keys(), componentConfigs::running,
                componentConfigs::isPublished);
        List<SettingChange> reloadable = new ArrayList<>(core.reloadable());
        reloadable.addAll(owned.reloadable());
        List<SettingChange> needsRestart = new ArrayList<>(core.needsRestart());
        needsRestart.addAll(owned.needsRestart());
        ConfigUpdate update = new ConfigUpdate(reloadable, needsRestart, keyOwners.unclaimed(file));
        if (apply) {
            latest = file;
            if (!core.reloadable().isEmpty()) {
                publish(ReloadClassifier.applyReloadable(running, candidate));
            }
            owned.publish().forEach(componentConfigs::publish);
            log(update);
        }
        return update;
    }

    private static void log(ConfigUpdate update) {
        if (!update.reloadable().isEmpty()) {
            LOG.info(() -> "configuration reloaded: " + update.reloadable());
        }
        if (!update.needsRestart().isEmpty()) {
            LOG.warning(() -> "configuration changes pending until the engine restarts: " + update.needsRestart());
        }
        update.unclaimed().forEach(LOG::warning);
    }

    /**
     * Checks an arriving owner's keys against the file as last read and hands it its values. Keys that need a
     * restart keep the values the owner ran with earlier in this engine's life.
     */
    private void configure(ConfigKeys owner) {
        try {
            Map<String, Object> values = KeyOwners.check(owner, latest);
            Map<String, Object> ran = componentConfigs.running(owner.owner());
            componentConfigs.publish(owner.owner(), ran == null ? values : OwnerChanges.merge(owner.keys(), ran, values));
        } catch (ConfigException e) {
            if (started) {
                LOG.severe(() -> e.getMessage() + "; " + owner.owner() + " stays unconfigured until daemon.json is "
                        + "fixed and reloaded");
            } else {
                FatalError.report(context, e.getMessage());
            }
        }
    }

    private KeyOwners keyOwners() {
        DeclaredKeys declared = declaredKeys;
        return new KeyOwners(owners.values(), Set.copyOf(storageDrivers),
                key -> declared == null ? null : declared.ownerOf(key));
    }

    /**
     * Registers {@code config} above the running one, then withdraws that: consumers switch without a gap. The
     * registration is made outside this object's monitor (see {@link #activate}); a reload, which holds it, makes it
     * from within.
     */
    private void publish(DaemonConfig config) {
        Dictionary<String, Object> properties = new Hashtable<>();
        synchronized (this) {
            properties.put(Constants.SERVICE_RANKING, ranking++);
        }
        ServiceRegistration<DaemonConfig> published = context.registerService(DaemonConfig.class, config,
                properties);
        ServiceRegistration<DaemonConfig> previous;
        synchronized (this) {
            previous = registration;
            registration = published;
            running = config;
        }
        if (previous != null) {
            previous.unregister();
        }
    }
}
