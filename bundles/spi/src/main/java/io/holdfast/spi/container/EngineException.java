package io.holdfast.spi.container;

/**
 * A request the engine refused, with a sentence that says why and a kind the API maps to an HTTP status.
 *
 * <pre>{@code throw new EngineException(Kind.NOT_FOUND, "No such container: web");}</pre>
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the API's terms. */
    public enum Kind {
        /** 400: the request itself is wrong. */
        INVALID,
        /** 404: the named container or image does not exist. */
        NOT_FOUND,
        /** 409: the request conflicts with the current state (name in use, container running). */
        CONFLICT,
        /** 500: the engine or a process it ran failed. */
        FAILED,
        /** 403: a valid request that is not allowed, where Docker answers 403 (an endpoint that already exists). */
        FORBIDDEN
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
