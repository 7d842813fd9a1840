package io.holdfast.spi.config;

/**
 * A daemon.json value its owner cannot work with. The config bundle adds where the key stands in the file:
 * {@code /etc/holdfast/daemon.json:3:10: key "bip": expected an IPv4 address/prefix such as "172.30.0.1/16"}.
 *
 * <pre>{@code throw new InvalidValueException("mtu", "expected a whole number from 576 to 65535, found " + value);}</pre>
 */
public class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key    the key whose value is wrong, as declared in {@link ConfigKey#name()}
     * @param reason what was expected and what was found, without the key's name
     */
    public InvalidValueException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
