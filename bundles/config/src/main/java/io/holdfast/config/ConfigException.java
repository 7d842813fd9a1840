package io.holdfast.config;

/**
 * A configuration error that says where it is: {@code /etc/holdfast/daemon.json:3:5: key "live-restore": expected
 * true or false, found "yes"}.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException at(String file, int line, int column, String message) {
        return new ConfigException(file + ":" + line + ":" + column + ": " + message);
    }
}
