package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.network.NetworkAttachment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerHostsTest {
    private static ContainerRecord on(String network, String id, String name, String address, String networkId,
                                      List<String> aliases) {
        NamingOptions naming = new NamingOptions("", "", List.of(), List.of(), List.of(), List.of(), aliases);
        ContainerSpec spec = new ContainerSpec(name, "busybox", List.of("sleep", "1"), List.of(), null, false,
                network, "runc", 10, ProcessOptions.DEFAULT, naming, List.<MountSpec>of(), ResourceLimits.NONE,
                SecurityOptions.DEFAULT, Map.of());
        Map<String, String> settings = networkId == null ? Map.of("IPAddress", address)
                : Map.of("IPAddress", address, "NetworkID", networkId);
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, name, Instant.EPOCH, spec, "sha256:x",
                RunState.created(), 0, "vfs", "/r", "/b", "/l", new NetworkAttachment(network, null, settings),
                Map.of());
    }

    @Test
    void listsEveryContainerOfTheSameUserNetworkByNameAliasesAndShortId() {
        ContainerRecord web = on("backend", "a".repeat(64), "web", "10.1.0.2", "n1", List.of("db"));
        ContainerRecord client = on("backend", "b".repeat(64), "client", "10.1.0.3", "n1", List.of());
        ContainerRecord elsewhere = on("other", "c".repeat(64), "other", "10.2.0.2", "n2", List.of());
        ContainerRecord bridged = on("bridge", "d".repeat(64), "plain", "10.3.0.2", null, List.of());

        String hosts = PeerHosts.text(client, List.of(web, client, elsewhere, bridged));

        assertTrue(hosts.startsWith("127.0.0.1\tlocalhost\n"), hosts);
        assertTrue(hosts.contains("10.1.0.2\tweb db aaaaaaaaaaaa\n"), hosts);
        assertTrue(hosts.contains("10.1.0.3\tbbbbbbbbbbbb client\n"), hosts);
        assertFalse(hosts.contains("10.2.0.2") || hosts.contains("10.3.0.2"), "other networks are not listed: "
                + hosts);
    }

    @Test
    void aContainerOnTwoNetworksResolvesPeersOfBothAndIsListedOnEachByItsAddressThere() {
        ContainerRecord web = on("backend", "a".repeat(64), "web", "10.1.0.2", "n1", List.of());
        ContainerRecord cache = on("front", "c".repeat(64), "cache", "10.2.0.2", "n2", List.of());
        ContainerRecord both = on("backend", "b".repeat(64), "both", "10.1.0.3", "n1", List.of())
                .withConnected(Map.of("front", new io.holdfast.spi.container.NetworkConnection("front",
                        List.of("api"), new NetworkAttachment("front", "/run/netns/x",
                        Map.of("IPAddress", "10.2.0.9", "NetworkID", "n2", "Interface", "eth1")))));
        List<ContainerRecord> all = List.of(web, cache, both);

        String own = PeerHosts.text(both, all);
        assertTrue(own.contains("10.1.0.2\tweb aaaaaaaaaaaa\n") && own.contains("10.2.0.2\tcache cccccccccccc\n"),
                own);
        String ofCache = PeerHosts.text(cache, all);
        assertTrue(ofCache.contains("10.2.0.9\tboth api bbbbbbbbbbbb\n"), "by name and its alias there: " + ofCache);
        assertFalse(ofCache.contains("10.1.0."), "backend is not cache's network: " + ofCache);
        assertFalse(PeerHosts.text(web, all).contains("10.2.0."), "nor front web's");
    }
}
