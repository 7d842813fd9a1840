package io.holdfast.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.holdfast.itests.support.BundleJars;
import io.holdfast.spi.monitor.ContainerMonitor;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The shim bundle updated in place in a real Felix, as a reload does it ({@code update}, then {@code refresh}):
 * no thread of the old revision survives, what it handed over is JDK types only and is taken by the new revision,
 * and the old revision's class loader is garbage-collected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShimUpdateInFelixTest {
    private static final Path ROOT = Path.of("target", "paxexam-shim-update").toAbsolutePath();
    private static final String BRIDGE = "hfpsu" + Long.toHexString(ProcessHandle.current().pid());
    private static final String SHIM = "io.holdfast.shim";
    private static final String HANDOFF_KEY = "io.holdfast.shim.held";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        Option[] engine = EngineInFelix.options(ROOT, BRIDGE, 215);
        writeExitedMonitor();
        return engine;
    }

    /**
     * A monitor record the shim finds at its first activation (read with Jackson, so a cache that kept the shim's
     * record class would show below), for a container that exited with 3; /bin/true stands in for the runtime.
     */
    private static void writeExitedMonitor() throws Exception {
        Path run = ROOT.resolve("run");
        Files.createDirectories(run.resolve("monitors/pax-exited"));
        Files.createDirectories(run.resolve("exits"));
        Files.writeString(run.resolve("monitors/pax-exited/monitor.json"), "{\"contract\":1,"
                + "\"containerId\":\"pax-exited\",\"runtime\":{\"name\":\"fake\",\"path\":\"/bin/true\"},"
                + "\"bundleDir\":\"/nonexistent\",\"logPath\":\"/nonexistent/log\","
                + "\"startedAt\":\"2026-11-25T10:00:00Z\",\"pid\":999999999,\"pidStart\":1,"
                + "\"monitorPid\":999999998,\"monitorStart\":1}");
        Files.writeString(run.resolve("exits/pax-exited"), "3");
    }

    @AfterClass
    public static void deleteBridge() throws Exception {
        new ProcessBuilder("ip", "link", "delete", BRIDGE).start().waitFor();
    }

    /** The launcher's store, registered from the system bundle as the launcher does; remembers what was put. */
    static final class RecordingStore extends ConcurrentHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final Map<String, Object> everPut = new ConcurrentHashMap<>();

        @Override
        public Object put(String key, Object value) {
            everPut.put(key, value);
            return super.put(key, value);
        }
    }

    /** What the test may keep of the old revision: nothing that keeps it alive. */
    record OldRevision(WeakReference<ClassLoader> loader, List<WeakReference<Thread>> threads, List<String> names) {
    }

    @Test
    public void updatedShimLeavesNoThreadAndItsClassLoaderIsCollected() throws Exception {
        RecordingStore store = new RecordingStore();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("holdfast.handoff", "true");
        ServiceRegistration<?> registration = context.getBundle(0).getBundleContext()
                .registerService(ConcurrentMap.class.getName(), store, props);
        try {
            Bundle shim = shimBundle();
            awaitMonitorFrom(shim);
            OldRevision old = observe(shim);
            assertTrue("the old revision ran its exit watcher: " + old.names(),
                    old.names().contains("holdfast-shim-exit-watcher"));

            Path jar = BundleJars.withVersion(Path.of(shim.getLocation().replaceFirst("^file:", "")),
                    ROOT.resolve("shim-next.jar"), "0.2.0");
            try (InputStream in = Files.newInputStream(jar)) {
                shim.update(in);
            }
            refresh(shim);
            assertEquals("0.2.0", shim.getVersion().toString());
            awaitMonitorFrom(shim);

            List<String> survivors = survivors(old);
            assertEquals("threads of the old revision still alive", List.of(), survivors);
            assertTrue("the old revision handed over under " + HANDOFF_KEY + ": " + store.everPut.keySet(),
                    store.everPut.get(HANDOFF_KEY) instanceof List);
            assertEquals("only JDK types handed over", List.of(), nonJdk(store.everPut.get(HANDOFF_KEY), "held"));
            assertFalse("the new revision took the hand-off", store.containsKey(HANDOFF_KEY));

            for (int i = 0; i < 20 && old.loader().get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            if (old.loader().get() != null) {
                Path dump = ROOT.resolve("shim-leak.hprof");
                Files.deleteIfExists(dump);
                new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.heap_dump",
                        dump.toString()).inheritIO().start().waitFor();
                fail("the old shim revision's class loader was not collected; heap dump: " + dump);
            }
        } finally {
            registration.unregister();
        }
    }

    private Bundle shimBundle() {
        for (Bundle bundle : context.getBundles()) {
            if (SHIM.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no " + SHIM + " bundle installed");
    }

    /** Waits until the shim's current revision registers its ContainerMonitor; keeps no reference to it. */
    private void awaitMonitorFrom(Bundle shim) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ServiceReference<ContainerMonitor> ref : context.getServiceReferences(ContainerMonitor.class, null)) {
                if (ref.getBundle() != null && ref.getBundle().equals(shim)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        fail("the shim registered no ContainerMonitor within 30 s");
    }

    /** Weak references to the old revision's class loader and to every thread it started or set as context. */
    private static OldRevision observe(Bundle shim) {
        ClassLoader loader = shim.adapt(BundleWiring.class).getClassLoader();
        assertNotNull(loader);
        List<WeakReference<Thread>> threads = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (ofRevision(thread, loader) || thread.getName().startsWith("holdfast-shim-")) {
                threads.add(new WeakReference<>(thread));
                names.add(thread.getName());
            }
        }
        return new OldRevision(new WeakReference<>(loader), threads, names);
    }

    private static boolean ofRevision(Thread thread, ClassLoader loader) {
        return thread.getContextClassLoader() == loader || thread.getClass().getClassLoader() == loader;
    }

    /** Old threads still alive, and any live thread whose class or context class loader is the old revision's. */
    private static List<String> survivors(OldRevision old) {
        List<String> alive = new ArrayList<>();
        for (WeakReference<Thread> ref : old.threads()) {
            Thread thread = ref.get();
            if (thread != null && thread.isAlive()) {
                alive.add(thread.getName() + " (started by the old revision)");
            }
        }
        ClassLoader loader = old.loader().get();
        if (loader != null) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (ofRevision(thread, loader)) {
                    alive.add(thread.getName() + " (class or context class loader of the old revision)");
                }
            }
        }
        return alive;
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("refresh finished", done.await(60, TimeUnit.SECONDS));
    }

    private static List<String> nonJdk(Object value, String where) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        if (value.getClass().getClassLoader() != null) {
            found.add(where + ": " + value.getClass().getName());
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> found.addAll(nonJdk(v, where + "." + k)));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(nonJdk(list.get(i), where + "[" + i + "]"));
            }
        }
        return found;
    }
}
