package io.holdfast.config;

import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.ConfigKeys;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The {@link ComponentConfig} services, one per configured owner, and the values each owner runs with. Those
 * values outlive the owner's service: a plugin bundle that is updated comes back to the values it ran with, so a
 * key that needs an engine restart still waits for one. Callers serialise.
 */
final class ComponentConfigs {
    private final BundleContext context;
    private final Map<String, ServiceRegistration<ComponentConfig>> registrations = new HashMap<>();
    private final Map<String, Map<String, Object>> running = new HashMap<>();
    private int ranking;

    ComponentConfigs(BundleContext context) {
        this.context = context;
    }

    /** What {@code owner} runs (or last ran) with in this engine's life, or {@code null} if it never ran. */
    Map<String, Object> running(String owner) {
        return running.get(owner);
    }

    boolean isPublished(String owner) {
        return registrations.containsKey(owner);
    }

    /** Registers {@code values} above the owner's running ones, then withdraws those: no gap for its consumers. */
    void publish(String owner, Map<String, Object> values) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ConfigKeys.OWNER, owner);
        properties.put(Constants.SERVICE_RANKING, ranking++);
        ServiceRegistration<ComponentConfig> previous = registrations.put(owner,
                context.registerService(ComponentConfig.class, new ComponentConfig(owner, values), properties));
        running.put(owner, new java.util.LinkedHashMap<>(values));
        if (previous != null) {
            previous.unregister();
        }
    }

    /** The owner left: its consumers lose their configuration with it. */
    void withdraw(String owner) {
        ServiceRegistration<ComponentConfig> registration = registrations.remove(owner);
        if (registration != null) {
            registration.unregister();
        }
    }

    void withdrawAll() {
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
