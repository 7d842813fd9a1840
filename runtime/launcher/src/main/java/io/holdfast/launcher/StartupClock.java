package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the engine's start-up time goes: JVM boot (process start to the launcher's main), the framework, then the
 * bundles starting, which includes the restore and opening the API. Printed once, when the engine is ready.
 */
final class StartupClock {
    /** Linux's USER_HZ, the unit of /proc start times; 100 on every architecture Holdfast runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long launcherStart = System.nanoTime();
    private final long sinceProcessStartMillis = millisSinceProcessStart();
    private volatile long frameworkStarted;
    private volatile long bundlesInstalled;

    void frameworkStarted() {
        frameworkStarted = System.nanoTime();
    }

    void bundlesInstalled() {
        bundlesInstalled = System.nanoTime();
    }

    /**
     * e.g. {@code ready in 812 ms since process start (jvm 180, framework 120, install 60, bundles, restore and api
     * 452)}
     */
    String ready() {
        long now = System.nanoTime();
        long framework = frameworkStarted == 0 ? now : frameworkStarted;
        long installed = bundlesInstalled == 0 ? now : bundlesInstalled;
        long jvm = Math.max(0, sinceProcessStartMillis);
        return String.format("ready in %d ms since process start (jvm %d, framework %d, install %d, bundles, restore"
                + " and api %d)", jvm + ms(launcherStart, now), jvm, ms(launcherStart, framework),
                ms(framework, installed), ms(installed, now));
    }

    private static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** From /proc: uptime now minus this process's start time since boot (10 ms resolution). */
    private static long millisSinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startSeconds = Long.parseLong(fields[19]) / TICKS_PER_SECOND;
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round((uptimeSeconds - startSeconds) * 1000);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
