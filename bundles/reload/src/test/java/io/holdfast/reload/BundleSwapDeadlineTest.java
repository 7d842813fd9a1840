package io.holdfast.reload;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.common.io.Directories;
import io.holdfast.reload.BundleSwap.ReloadFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** A bundle whose activator blocks, in a real Felix: the reload fails naming it instead of hanging for good. */
class BundleSwapDeadlineTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private Path storage;
    private Framework framework;
    private StepDeadline deadline;

    @BeforeEach
    void start() throws Exception {
        System.getProperties().put(BlockingActivator.RELEASE, release);
        storage = Files.createTempDirectory("holdfast-swap-deadline-");
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        deadline = new StepDeadline(Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown(); // the stuck activator returns, so the framework can stop
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } finally {
            deadline.close();
            System.getProperties().remove(BlockingActivator.RELEASE);
            Directories.deleteTree(storage);
        }
    }

    @Test
    void anActivatorThatBlocksFailsTheReloadNamingTheBundleAndPutsItBack() throws Exception {
        BundleSwap swap = new BundleSwap(framework.getBundleContext(), new Revisions(),
                new ComponentHealth(() -> null), deadline);
        DeployedJar blocking = jar("test.blocking", true);
        ReloadFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(ReloadFailure.class, () -> swap.apply(install(blocking))),
                "the reload thread hung on the activator");
        assertTrue(failure.getMessage().startsWith("start test.blocking 1.0.0 did not finish within 1 s"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("; the previous revisions were put back except: uninstall "
                + "test.blocking (done once the blocked activator returns)"), failure.getMessage());

        // the next reload returns too, with its outcome, whether or not the framework could get past the stuck bundle
        DeployedJar plain = jar("test.plain", false);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                swap.apply(install(plain));
            } catch (ReloadFailure later) {
                assertTrue(later.getMessage().contains("did not finish within"), later.getMessage());
            }
        }, "a later reload hung behind the stuck activator");

        release.countDown();
        // the uninstall waiting for the bundle completes once the activator returns: nothing of it is left
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (framework.getBundleContext().getBundle(blockingLocation(blocking)) != null) {
                Thread.sleep(50); // polls a state; how long it takes is not asserted
            }
        }, "the blocking bundle was left installed after its activator returned");
    }

    private static String blockingLocation(DeployedJar jar) {
        return jar.file().toUri().toString();
    }

    private static BundlePlan install(DeployedJar jar) {
        return new BundlePlan(List.of(new BundlePlan.Step(null, jar)), List.of(), List.of(), null);
    }

    private DeployedJar jar(String symbolicName, boolean blocking) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        if (blocking) {
            main.putValue(Constants.BUNDLE_ACTIVATOR, BlockingActivator.class.getName());
            main.putValue(Constants.IMPORT_PACKAGE, "org.osgi.framework");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            if (blocking) {
                String entry = BlockingActivator.class.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = BlockingActivator.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
            }
        }
        Path file = storage.resolve(symbolicName + ".jar");
        Files.write(file, bytes.toByteArray());
        return DeployDirectory.read(file);
    }
}
