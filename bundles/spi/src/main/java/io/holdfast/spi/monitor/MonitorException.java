package io.holdfast.spi.monitor;

/** A monitor or runtime operation failed; the message carries the runtime's own error where there is one. */
public class MonitorException extends Exception {
    private static final long serialVersionUID = 1L;

    public MonitorException(String message) {
        super(message);
    }

    public MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
