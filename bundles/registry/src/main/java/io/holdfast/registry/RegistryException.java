package io.holdfast.registry;

/** A registry operation failed; the message is a sentence for the user naming the registry, image or blob. */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public RegistryException(String message) {
        this(message, 0, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The registry's HTTP status when it answered with an error (404: not found, 401: denied), else 0. */
    public int status() {
        return status;
    }
}
