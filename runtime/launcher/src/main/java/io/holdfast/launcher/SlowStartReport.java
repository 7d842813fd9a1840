package io.holdfast.launcher;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What an engine that is not ready long after its start waits for, printed once to the engine's log: the bundles
 * that are not active, whether every bundle's start has returned, and every thread's stack with the locks it holds
 * and waits for. A start normally takes a few seconds; one that takes minutes is stuck, and this says where.
 */
final class SlowStartReport {
    private final BundleContext context;
    private final Duration patience;
    private final Thread timer;
    private volatile boolean bundlesStarted;

    SlowStartReport(BundleContext context, Duration patience) {
        this.context = context;
        this.patience = patience;
        this.timer = new Thread(this::waitThenReport, "holdfast-slow-start-report");
        timer.setDaemon(true);
    }

    void arm() {
        timer.start();
    }

    void bundlesStarted() {
        bundlesStarted = true;
    }

    /** The engine is ready: nothing to report. */
    void disarm() {
        timer.interrupt();
    }

    private void waitThenReport() {
        try {
            Thread.sleep(patience.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        try {
            System.err.println(report());
        } catch (IllegalStateException e) {
            // the framework is stopping
        }
    }

    String report() {
        String notActive = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " (" + state(b.getState()) + ")")
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder("holdfastd: not ready " + patience.toSeconds() + " s after the start;"
                + " bundles not active: " + (notActive.isEmpty() ? "none" : notActive) + "; every bundle's start "
                + (bundlesStarted ? "has returned" : "has not returned yet") + ". Threads:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            describe(thread, out);
        }
        return out.toString();
    }

    /** As a thread dump has it, with the whole stack ({@link ThreadInfo#toString()} cuts it at eight frames). */
    private static void describe(ThreadInfo thread, StringBuilder out) {
        out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
        if (thread.getLockInfo() != null) {
            out.append(" on ").append(thread.getLockInfo());
            if (thread.getLockOwnerName() != null) {
                out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
        }
        out.append('\n');
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            out.append("    at ").append(stack[i]).append('\n');
            for (MonitorInfo monitor : thread.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    out.append("    - locked ").append(monitor).append('\n');
                }
            }
        }
        for (LockInfo lock : thread.getLockedSynchronizers()) {
            out.append("    - holds ").append(lock).append('\n');
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> Integer.toString(state);
        };
    }
}
