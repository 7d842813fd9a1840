package io.holdfast.spi.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One component's checked daemon.json values, as its {@link ConfigKeys#check} returned them. The config bundle
 * registers one as a service, with the {@link ConfigKeys#OWNER} property, when the owner's {@link ConfigKeys}
 * arrives and its values pass; a component waits for it with a target filter.
 *
 * <pre>{@code
 * @Reference(target = "(" + ConfigKeys.OWNER + "=bridge)")
 * private ComponentConfig config;
 * ...
 * int mtu = (Integer) config.values().get("mtu");
 * }</pre>
 *
 * <p>Reloads: a reload that changes a {@linkplain ConfigKey#live live} key registers a new instance ranked above
 * the running one, then withdraws that; hold it dynamically and greedily to take the change while running. Keys
 * that need a restart keep their running values in every instance until the engine restarts, so reading them once
 * at activation is right.
 *
 * @param owner  the owner's name, e.g. {@code bridge}
 * @param values every declared key with its value, in the order {@link ConfigKeys#keys()} lists them
 */
public record ComponentConfig(String owner, Map<String, Object> values) {
    public ComponentConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
