package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.restore.PluginCheck;
import java.io.IOException;
import io.holdfast.supervisor.state.DataRootLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each plugin that arrives is restored exactly once, however many restores run while it is there. */
class PluginsRestoreTest {
    private static final DataRootLayout STORAGE = new DataRootLayout(Path.of("/nonexistent"));

    private final Plugins plugins = new Plugins();

    @Test
    void aPluginIsRestoredOncePerArrivalAndReportedEveryRun() {
        CountingBridge bridge = new CountingBridge("bridge");
        plugins.add(bridge);
        List<PluginCheck> first = plugins.restoreArrived(List.of(), Set::of, STORAGE);
        List<PluginCheck> second = plugins.restoreArrived(List.of(), Set::of, STORAGE);
        assertEquals(1, bridge.restores);
        assertEquals(first, second, "the check from its one restore, every run");
        assertTrue(second.get(0).ok());
    }

    @Test
    void aNewRevisionOfAPluginIsANewArrival() {
        CountingBridge old = new CountingBridge("bridge");
        plugins.add(old);
        plugins.restoreArrived(List.of(), Set::of, STORAGE);
        CountingBridge next = new CountingBridge("bridge");
        plugins.add(next); // bound before the old one is unbound, as SCR does for a greedy dynamic reference
        plugins.remove(old);
        plugins.restoreArrived(List.of(), Set::of, STORAGE);
        assertEquals(1, old.restores);
        assertEquals(1, next.restores);
    }

    @Test
    void aFailedRestoreIsTriedAgainAtTheNextRun() {
        CountingBridge flaky = new CountingBridge("bridge");
        flaky.failuresLeft = 1;
        plugins.add(flaky);
        assertFalse(plugins.restoreArrived(List.of(), Set::of, STORAGE).get(0).ok());
        assertTrue(plugins.restoreArrived(List.of(), Set::of, STORAGE).get(0).ok());
        plugins.restoreArrived(List.of(), Set::of, STORAGE);
        assertEquals(2, flaky.restores);
    }

    @Test
    void orphansAreLookedUpOnlyWhenAPluginIsToBeRestored() {
        plugins.add(new CountingBridge("bridge"));
        int[] lookups = {0};
        plugins.restoreArrived(List.of(), () -> {
            lookups[0]++;
            return Set.of();
        }, STORAGE);
        plugins.restoreArrived(List.of(), () -> {
            throw new AssertionError("every plugin is restored already: listing the runtimes is wasted work");
        }, STORAGE);
        assertEquals(1, lookups[0]);
    }

    private static final class CountingBridge implements NetworkBridge {
        private final String name;
        int restores;
        int failuresLeft;

        CountingBridge(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public NetworkAttachment attach(String id) {
            return new NetworkAttachment(name, null, Map.of());
        }

        @Override
        public void detach(String id) {
        }

        @Override
        public void restore(Map<String, NetworkAttachment> attachments) throws IOException {
            restores++;
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IOException("link busy");
            }
        }
    }
}
