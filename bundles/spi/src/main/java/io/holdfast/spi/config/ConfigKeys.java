package io.holdfast.spi.config;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The daemon.json keys one component owns: it declares them, checks their values and, through the config bundle,
 * receives them as a {@link ComponentConfig}. A plugin registers an implementation as a service with the
 * {@link #OWNER} property; the core SPI does not change when a plugin adds a key.
 *
 * <pre>{@code
 * @Component(property = ConfigKeys.OWNER + "=bridge")
 * public class BridgeKeys implements ConfigKeys {
 *     public String owner() { return "bridge"; }
 *     public List<ConfigKey> keys() { return List.of(ConfigKey.restart("mtu", "576 to 65535", "1500", "...")); }
 *     public Map<String, Object> check(Map<String, Object> values) throws InvalidValueException { ... }
 * }
 * // the component that uses the values waits for them:
 * @Reference(target = "(" + ConfigKeys.OWNER + "=bridge)") ComponentConfig config;
 * }</pre>
 *
 * <p>When it is called: once when the service arrives (with the daemon.json the engine last read), and at every
 * reload with the file as it is now, before anything is applied. Any {@link InvalidValueException} rejects the
 * whole reload; at engine start it stops the engine, as any invalid daemon.json does. Register it from a component
 * with no references, so it is there as soon as the bundle starts. {@link #check} must be quick and change nothing;
 * it may take a quick look at the host (e.g. whether a network interface exists).
 */
@ConsumerType
public interface ConfigKeys {
    /** Service property naming the owner; {@link ComponentConfig} carries the same property. */
    String OWNER = "holdfast.config.owner";

    /** The owner's name, unique among installed components, e.g. {@code bridge}; the same as {@link #OWNER}. */
    String owner();

    /** Every key this component owns, in the order reload reports should list them. */
    List<ConfigKey> keys();

    /**
     * Checks the values daemon.json sets for this component's keys and returns the values it will work with.
     *
     * @param values the keys of {@link #keys()} the file sets (absent keys are left out), each value as JSON maps
     *               to plain Java: {@code String}, {@code Boolean}, {@code Integer}/{@code Long} for whole numbers,
     *               {@code Double}, {@code List}, {@code Map}; a storage option's value is a {@code String}
     * @return every key of {@link #keys()} with its value (defaults filled in), as JDK types only (they outlive
     *         the bundle's revision); handed back by {@link ComponentConfig#values()}. Passing this result to
     *         {@code check} again must return it unchanged.
     * @throws InvalidValueException naming the key whose value cannot be used
     */
    Map<String, Object> check(Map<String, Object> values) throws InvalidValueException;
}
