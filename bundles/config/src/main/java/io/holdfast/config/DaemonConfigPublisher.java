package io.holdfast.config;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.common.osgi.FatalError;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reads the configuration once at start, takes the data root for this engine alone, and registers the
 * {@link DaemonConfig} service every other bundle waits for. An invalid configuration, or a data root another engine
 * holds, ends the engine through {@link FatalError}: a daemon must not run on a configuration its operator did not
 * mean, and two engines on one data root would corrupt each other's state.
 */
@Component(immediate = true)
public class DaemonConfigPublisher {
    private static final Logger LOG = Logger.getLogger(DaemonConfigPublisher.class.getName());

    private ServiceRegistration<DaemonConfig> registration;
    private DataRootLock lock;

    @Activate
    void activate(BundleContext context) {
        try {
            DaemonConfig config = new DaemonConfigReader(RuntimeLocator.system(),
                    DaemonConfigReader.kernelDefaultStorageDriver()).read(FlagValues.from(context::getProperty));
            LOG.info(() -> "configuration: live-restore=" + config.liveRestore() + ", data-root=" + config.dataRoot()
                    + ", exec-root=" + config.execRoot() + ", default-runtime=" + config.defaultRuntime()
                    + ", storage-driver=" + config.storageDriver() + (config.source() == null ? ""
                    : " (from " + config.source() + ")"));
            lock = DataRootLock.acquire(Path.of(config.dataRoot()));
            registration = context.registerService(DaemonConfig.class, config, null);
        } catch (ConfigException e) {
            FatalError.report(context, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
