package io.holdfast.spi.config;

/**
 * One daemon.json key as the component that owns it declares it: what it is called, what it takes, what it
 * defaults to, what it means, and whether a reload applies a change of it or leaves it pending until the engine
 * restarts. Declared through {@link ConfigKeys}; the config bundle uses it to route the key to its owner, to list
 * the known keys in error messages, and to sort a reload's changes.
 *
 * <pre>{@code
 * ConfigKey.restart("mtu", "a whole number from 576 to 65535", "1500",
 *         "MTU of the bridge and the containers' interfaces");
 * }</pre>
 *
 * <p>A name of the form {@code <driver>.<option>} (e.g. {@code overlay.size}) declares a storage driver's option:
 * the user sets it as an entry of {@code storage-opts}, {@code "overlay.size=10G"}, and it reaches the owner as a
 * string. Every other name is a top-level key of daemon.json.
 *
 * @param name        the key as written in daemon.json, e.g. {@code bip}
 * @param format      what the value looks like, for people, e.g. {@code "an IPv4 address/prefix such as 172.30.0.1/16"}
 * @param defaultValue the value when the key is not set, as text, for people
 * @param description what the key configures, in one sentence
 * @param live        {@code true} when a reload applies a change at once (the owner takes it while running);
 *                    {@code false} when the change waits until the engine restarts (reported as pending)
 */
public record ConfigKey(String name, String format, String defaultValue, String description, boolean live) {

    /** A key whose changes a reload applies at once. */
    public static ConfigKey live(String name, String format, String defaultValue, String description) {
        return new ConfigKey(name, format, defaultValue, description, true);
    }

    /** A key whose changes take effect at the next engine start. */
    public static ConfigKey restart(String name, String format, String defaultValue, String description) {
        return new ConfigKey(name, format, defaultValue, description, false);
    }

    /** Whether this declares a storage driver's option ({@code <driver>.<option>}, set through storage-opts). */
    public boolean isStorageOption() {
        return name.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+");
    }
}
