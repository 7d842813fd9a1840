package io.holdfast.launcher;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the engine's start-up time goes: JVM boot (process start to the launcher's main), framework, installing and
 * starting the bundles, and the restore up to the API opening. Printed once, when the engine is ready.
 */
final class StartupClock {
    private final Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private final Instant launcherStart = Instant.now();
    private volatile Instant frameworkStarted;
    private volatile Instant bundlesStarted;

    void frameworkStarted() {
        frameworkStarted = Instant.now();
    }

    void bundlesStarted() {
        bundlesStarted = Instant.now();
    }

    /** e.g. {@code ready in 812 ms since process start (jvm 180, framework 120, bundles 350, restore and api 162)} */
    String ready() {
        Instant now = Instant.now();
        Instant framework = frameworkStarted == null ? now : frameworkStarted;
        Instant bundles = bundlesStarted == null ? now : bundlesStarted;
        return String.format("ready in %d ms since process start (jvm %d, framework %d, bundles %d, restore and api %d)",
                ms(processStart, now), ms(processStart, launcherStart), ms(launcherStart, framework),
                ms(framework, bundles), Math.max(0, ms(bundles, now)));
    }

    private static Long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
