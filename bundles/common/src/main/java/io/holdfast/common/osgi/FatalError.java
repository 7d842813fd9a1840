package io.holdfast.common.osgi;

import java.util.function.Consumer;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Ends the engine with a sentence: hands it to the launcher's fatal-error service (a JDK {@code Consumer<String>}
 * registered with {@value #PROPERTY}{@code =true}), which prints it and stops the framework with exit code 1. For
 * conditions under which the engine must not run at all (a bad daemon.json, a data root or socket already in use).
 */
public final class FatalError {
    /** Service property marking the launcher's fatal-error consumer. */
    public static final String PROPERTY = "holdfast.fatal";
    private static final Logger LOG = Logger.getLogger(FatalError.class.getName());

    private FatalError() {
    }

    @SuppressWarnings("unchecked")
    public static void report(BundleContext context, String message) {
        LOG.severe(message);
        try {
            ServiceReference<?>[] fatal = context.getServiceReferences(Consumer.class.getName(),
                    "(" + PROPERTY + "=true)");
            if (fatal != null && fatal.length > 0) {
                ((Consumer<String>) context.getService(fatal[0])).accept(message);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
