package io.holdfast.itests.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link EngineExtension} prepares an injected {@link Engine}; without it the engine is started with busybox
 * imported.
 *
 * <pre>{@code @Test
 * void sigtermStopsContainers(@EngineSetup(settings = {"live-restore=false", "shutdown-timeout=5"}) Engine engine)
 *
 * @Test
 * void swapsTheShim(@EngineSetup(ownDistribution = true) Engine engine) // engine.distribution() is the test's}</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface EngineSetup {
    /**
     * daemon.json keys besides the engine's own bridge, each {@code key=value} with a JSON value
     * ({@code live-restore=false}, {@code shutdown-timeout=5}); a value that is not JSON is a string.
     */
    String[] settings() default {};

    /** Runs the engine from a copy of the distribution of its own, whose {@code deploy/} the test may change. */
    boolean ownDistribution() default false;

    /** Starts the engine before the test; false leaves that to the test (another release, a bad daemon.json). */
    boolean start() default true;

    /** Imports busybox:latest once started; false where a test runs no container. */
    boolean busybox() default true;
}
