package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overlay storage driver and the bridge network across an engine SIGKILL: mounts, links, addresses and leases
 * of running containers are kept as they are; what belongs to removed containers is released. Traffic stays
 * between namespaces on the test's own bridge.
 */
@ExtendWith(EngineExtension.class)
class StorageAndNetworkRestoreTest {
    private static String mountinfo() throws Exception {
        return Files.readString(Path.of("/proc/self/mountinfo"));
    }

    private static JsonNode network(Api api, String ref) throws Exception {
        return api.inspect(ref).path("NetworkSettings");
    }

    /** Pings {@code address} from inside the network namespace {@code sandbox} (the test's own bridge only). */
    private static boolean pings(String sandbox, String address) throws Exception {
        Process p = new ProcessBuilder("nsenter", "--net=" + sandbox, "/bin/busybox", "ping", "-c", "1", "-W", "2",
                address).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void overlayContainerSurvivesSigkillAndIsRemovedWithoutALeftoverMount(Engine engine, Cli cli, Api api)
            throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sh", "-c", "echo kept > /data.txt; sleep 1000");
        JsonNode container = api.inspect(id);
        assertEquals("overlay", container.path("Driver").asText());
        String merged = container.path("GraphDriver").path("Data").path("RootDir").asText();
        Await.until("the container to write its file", Duration.ofSeconds(60),
                () -> Files.exists(Path.of(merged, "data.txt")));
        String mountLine = mountinfo().lines().filter(l -> l.contains(merged)).findFirst().orElseThrow();

        engine.kill9();
        engine.start();

        assertEquals("running", api.inspect(id).path("State").path("Status").asText());
        assertEquals(mountLine, mountinfo().lines().filter(l -> l.contains(merged)).findFirst().orElseThrow(),
                "the running container's mount is the same mount, untouched");
        assertEquals("kept\n", Files.readString(Path.of(merged, "data.txt")));
        cli.ok("stop", "-t", "1", id);
        cli.ok("rm", id);
        assertFalse(mountinfo().contains(id), "no mount of the container is left");
        assertFalse(Files.exists(engine.dataRoot().resolve("storage/overlay").resolve(id)));
    }

    @Test
    void bridgedContainersKeepTheirAddressesAndReachEachOtherAcrossSigkill(Engine engine, Cli cli, Api api)
            throws Exception {
        String a = cli.ok("run", "-d", "--name", "a", "busybox", "sleep", "1000");
        String b = cli.ok("run", "-d", "--name", "b", "busybox", "sleep", "1000");
        JsonNode netA = network(api, a);
        JsonNode netB = network(api, b);
        String ipA = netA.path("IPAddress").asText();
        String ipB = netB.path("IPAddress").asText();
        assertTrue(ipA.startsWith("10.213."), ipA);
        assertNotEquals(ipA, ipB);
        assertTrue(netA.path("Gateway").asText().endsWith(".1"));
        assertTrue(netA.path("MacAddress").asText().matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
        assertEquals("bridge", api.inspect(a).path("HostConfig").path("NetworkMode").asText());
        String sandboxA = netA.path("SandboxKey").asText();
        String sandboxB = netB.path("SandboxKey").asText();
        assertTrue(pings(sandboxA, ipB), "a reaches b");
        String hostVethB = "hf" + b.substring(0, 11);
        String ifindexB = Files.readString(Path.of("/sys/class/net", hostVethB, "ifindex"));

        engine.kill9();
        assertTrue(pings(sandboxB, ipA), "traffic flows while the engine is down");
        engine.start();

        assertEquals(ipA, network(api, a).path("IPAddress").asText());
        assertEquals(ipB, network(api, b).path("IPAddress").asText());
        assertEquals(ifindexB, Files.readString(Path.of("/sys/class/net", hostVethB, "ifindex")),
                "the link was kept, not rebuilt");
        assertTrue(pings(sandboxA, ipB) && pings(sandboxB, ipA), "they still reach each other");

        String c = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String ipC = network(api, c).path("IPAddress").asText();
        assertFalse(ipC.equals(ipA) || ipC.equals(ipB), "a container created after the restore gets a fresh address");
        assertTrue(pings(network(api, c).path("SandboxKey").asText(), ipA));
    }

    @Test
    void removingAContainerReleasesItsAddressAndVeth(Engine engine, Cli cli, Api api) throws Exception {
        String a = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String ipA = network(api, a).path("IPAddress").asText();
        String sandbox = network(api, a).path("SandboxKey").asText();
        String hostVeth = "hf" + a.substring(0, 11);
        assertTrue(Files.exists(Path.of("/sys/class/net", hostVeth)));

        cli.ok("rm", "-f", a);

        assertFalse(Files.exists(Path.of("/sys/class/net", hostVeth)), "the host end of the veth is gone");
        assertFalse(Files.exists(Path.of(sandbox)), "the network namespace is gone");
        JsonNode leases = new com.fasterxml.jackson.databind.ObjectMapper().readTree(engine.dataRoot()
                .resolve("network/bridge").resolve(engine.bridge()).resolve("leases.json").toFile());
        assertFalse(leases.path("leases").toString().contains(ipA), "the lease is released: " + leases);
    }

    @Test
    void noneAndHostNetworksAreAvailable(Engine engine, Cli cli) throws Exception {
        Cli.Result none = cli.run("run", "--rm", "--network", "none", "busybox", "sh", "-c", "ip -o link | wc -l");
        assertEquals("1", none.line(), "only loopback: " + none.err());
        Cli.Result host = cli.run("run", "--rm", "--network", "host", "busybox", "sh", "-c",
                "ip -o link show " + engine.bridge() + " | wc -l");
        assertEquals("1", host.line(), "the host's links, the test bridge among them: " + host.err());
    }
}
