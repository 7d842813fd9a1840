package io.holdfast.config;

import io.holdfast.spi.config.DaemonConfig;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reads the configuration once at start and registers it as the {@link DaemonConfig} service every other bundle
 * waits for. An invalid configuration is reported through the launcher's fatal-error service (a JDK
 * {@code Consumer<String>} with {@value #FATAL_PROPERTY}), which prints it and stops the engine: a daemon must not
 * run on a configuration its operator did not mean.
 */
@Component(immediate = true)
public class DaemonConfigPublisher {
    /** Service property marking the launcher's {@code Consumer<String>} that ends the engine with a message. */
    static final String FATAL_PROPERTY = "holdfast.fatal";
    private static final Logger LOG = Logger.getLogger(DaemonConfigPublisher.class.getName());

    private ServiceRegistration<DaemonConfig> registration;

    @Activate
    void activate(BundleContext context) {
        try {
            DaemonConfig config = new DaemonConfigReader(RuntimeLocator.system(),
                    DaemonConfigReader.kernelDefaultStorageDriver()).read(FlagValues.from(context::getProperty));
            LOG.info(() -> "configuration: live-restore=" + config.liveRestore() + ", data-root=" + config.dataRoot()
                    + ", exec-root=" + config.execRoot() + ", default-runtime=" + config.defaultRuntime()
                    + ", storage-driver=" + config.storageDriver() + (config.source() == null ? ""
                    : " (from " + config.source() + ")"));
            registration = context.registerService(DaemonConfig.class, config, null);
        } catch (ConfigException e) {
            reportFatal(context, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @SuppressWarnings("unchecked")
    private static void reportFatal(BundleContext context, String message) {
        LOG.severe(message);
        try {
            ServiceReference<?>[] fatal = context.getServiceReferences(Consumer.class.getName(),
                    "(" + FATAL_PROPERTY + "=true)");
            if (fatal != null && fatal.length > 0) {
                ((Consumer<String>) context.getService(fatal[0])).accept(message);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
