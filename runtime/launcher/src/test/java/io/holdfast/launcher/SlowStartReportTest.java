package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

class SlowStartReportTest {
    @TempDir
    Path dir;

    @Test
    void namesTheBundlesNotActiveAndTheThreadThatHoldsWhatAnotherWaitsFor() throws Exception {
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        Object lock = new Object();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                await(release);
            }
        }, "test-holder");
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                lock.hashCode();
            }
        }, "test-waiter");
        try {
            framework.getBundleContext().installBundle(unresolvable().toUri().toString());
            holder.start();
            held.await();
            waiter.start();
            while (waiter.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }

            String report = new SlowStartReport(framework.getBundleContext(), Duration.ofSeconds(60)).report();

            assertTrue(report.startsWith("holdfastd: not ready 60 s after the start; bundles not active:"
                    + " test.unresolvable (installed); every bundle's start has not returned yet."), report);
            assertTrue(report.contains("\"test-waiter\" BLOCKED on java.lang.Object@") && report.contains(
                    "owned by \"test-holder\""), report);
            assertTrue(report.contains("\"test-holder\" WAITING") && report.contains("- locked java.lang.Object@"),
                    report);
        } finally {
            release.countDown();
            holder.join();
            waiter.join();
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** A bundle that imports a package nobody exports: it stays installed. */
    private Path unresolvable() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test.unresolvable");
        main.putValue(Constants.IMPORT_PACKAGE, "no.such.pkg");
        Path jar = dir.resolve("unresolvable.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
