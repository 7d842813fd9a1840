package io.holdfast.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.holdfast.common.osgi.BundlesStarted;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import io.holdfast.spi.storage.StorageDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The distribution's bundle set, installed as-is into a real Felix: every bundle resolves and starts, every engine
 * service comes up (the restore runs and leaves its report), and the Gogo commands answer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleSetInFelixTest {
    /** Under target/, so a failed run leaves nothing outside the build directory. */
    private static final Path ROOT = Path.of("target", "paxexam-engine").toAbsolutePath();
    /** A bridge of this test's own, deleted after it, so the host keeps no link from the test. */
    private static final String BRIDGE = "hfpax" + Long.toHexString(ProcessHandle.current().pid());

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return EngineInFelix.options(ROOT, BRIDGE, 214);
    }

    /**
     * What the launcher does once it has started every bundle, and Pax Exam has by the time a test runs: announce it
     * ({@link BundlesStarted}), which the first restore waits for.
     */
    @Before
    public void announceEveryBundleStarted() throws Exception {
        BundleContext system = context.getBundle(0).getBundleContext();
        if (system.getServiceReferences(Object.class.getName(), BundlesStarted.FILTER) == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(BundlesStarted.PROPERTY, "true");
            system.registerService(Object.class.getName(), new Object(), props);
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(30_000);
            assertNotNull(type.getSimpleName() + " is registered", service);
            return service;
        } finally {
            tracker.close();
        }
    }

    private List<String> names(Class<?> type, String property) throws Exception {
        return context.getServiceReferences(type, null).stream().map(r -> String.valueOf(r.getProperty(property)))
                .sorted().toList();
    }

    @AfterClass
    public static void deleteBridge() throws Exception {
        new ProcessBuilder("ip", "link", "delete", BRIDGE).start().waitFor();
    }

    @Test
    public void everyBundleResolvesAndStarts() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " (state " + bundle.getState() + ")");
            }
        }
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
    }

    @Test
    public void engineServicesComeUpAndTheRestoreRuns() throws Exception {
        assertEquals(ROOT.resolve("data").toString(), service(DaemonConfig.class).dataRoot());
        service(ContainerMonitor.class);
        service(Containers.class);
        service(RestoreTarget.class);
        service(Images.class);
        service(ContainerLogs.class);
        service(StorageDriver.class);
        service(NetworkBridge.class);
        assertEquals(List.of("overlay", "vfs"), names(StorageDriver.class, StorageDriver.NAME));
        assertEquals(List.of("bridge", "host", "none"), names(NetworkBridge.class, NetworkBridge.NAME));
        RestoreReport report = service(RestoreReport.class);
        assertEquals(List.of(), report.orphans());
        // the API opens as soon as the api bundle has its configuration, before the restore has run
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(ROOT.resolve("hf.sock")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue("the API socket opened", Files.exists(ROOT.resolve("hf.sock")));
    }

    @Test
    public void gogoCommandsAnswer() throws Exception {
        service(RestoreReport.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        CommandSession session = service(CommandProcessor.class).createSession(System.in, print, print);
        try {
            Object info = session.execute("holdfast:info");
            String text = session.format(info, 0).toString();
            assertTrue(text, text.contains("Live Restore Enabled: true"));
            String report = session.format(session.execute("restore:report"), 0).toString();
            assertTrue(report, report.contains("Restore at") && report.contains("storage overlay: ok"));
            String plan = session.format(session.execute("restore:plan"), 0).toString();
            assertTrue(plan, plan.contains("Restore plan at") && plan.contains("0 orphan(s)"));
            String reload = session.format(session.execute("holdfast:reload --dry-run"), 0).toString();
            assertTrue(reload, reload.contains("Reload plan") && reload.contains("nothing changed"));
            Object ps = session.execute("holdfast:ps -a");
            assertTrue(session.format(ps, 0).toString().contains("CONTAINER ID"));
        } finally {
            session.close();
        }
    }
}
