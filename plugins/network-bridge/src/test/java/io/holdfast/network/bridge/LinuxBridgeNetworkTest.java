package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.common.process.Command;
import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing, as root: a test bridge {@code hft<4 hex>} with a random {@code 10.123.<n>.1/24}, containers'
 * namespaces and veths on it, and pings between those namespaces only. Nothing here touches an existing interface,
 * routes outside the test bridge, forwarding or NAT; {@link #cleanUp} deletes every link and namespace the test
 * made, also after a failure.
 */
class LinuxBridgeNetworkTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dataRoot;
    @TempDir
    Path execRoot;

    private String bridge;
    private String gateway;
    private DaemonConfig config;
    private ComponentConfig bridgeConfig;
    private final List<String> containerIds = new ArrayList<>();
    private final List<String> extraLinks = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "creating bridges and namespaces needs root");
        assumeTrue(run("ip", "-V").ok(), "iproute2's ip is not installed");
        bridge = "hft" + HexFormat.of().toHexDigits((short) RANDOM.nextInt()).substring(0, 4);
        String routes = run("ip", "-4", "route", "show", "table", "all").output();
        String net;
        do {
            net = "10.123." + RANDOM.nextInt(256) + ".";
        } while (routes.contains(net) || run("ip", "link", "show", "dev", bridge).ok());
        gateway = net + "1";
        config = new DaemonConfig(null, true, dataRoot.toString(), execRoot.toString(), List.of("unix:///x.sock"),
                "runc", Map.of(), "vfs", false, 10, "k8s-file", 0);
        bridgeConfig = new ComponentConfig("bridge", new BridgeKeys().check(Map.of("bridge", bridge, "bip",
                gateway + "/24")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (bridge == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String id : containerIds) {
            deleteIfPresent(problems, List.of("ip", "link", "delete", NetworkNames.hostVeth(id)));
            deleteIfPresent(problems, List.of("ip", "netns", "delete", NetworkNames.namespace(id)));
        }
        for (String link : extraLinks) {
            deleteIfPresent(problems, List.of("ip", "link", "delete", link));
        }
        deleteIfPresent(problems, List.of("ip", "link", "delete", bridge));
        assertEquals(List.of(), problems, "cleanup");
    }

    @Test
    void containersReachEachOtherDetachFreesAndRestoreKeepsTheLiving() throws Exception {
        LinuxBridgeNetwork network = new LinuxBridgeNetwork(config, bridgeConfig);
        assertEquals("bridge", network.name());
        assertTrue(run("ip", "-4", "addr", "show", "dev", bridge).output().contains(gateway + "/24"));
        assertTrue(run("ip", "link", "show", "dev", bridge).output().contains(",UP"), "bridge is up");

        String a = newId();
        String b = newId();
        NetworkAttachment attachA = network.attach(a);
        NetworkAttachment attachB = network.attach(b);
        checkSettings(a, attachA);
        checkSettings(b, attachB);
        String ipA = attachA.settings().get("IPAddress");
        String ipB = attachB.settings().get("IPAddress");
        assertNotEquals(ipA, ipB);
        assertTrue(run("ip", "link", "show", "master", bridge).output().contains(NetworkNames.hostVeth(a)));
        assertEquals(attachA, network.attach(a), "attaching again returns what is there");

        assertPings(a, ipB);
        assertPings(b, ipA);
        assertPings(a, gateway);

        network.detach(a);
        assertFalse(namespaceExists(a), "namespace of a deleted");
        assertFalse(linkExists(NetworkNames.hostVeth(a)), "host veth of a deleted");
        assertFalse(leaseFile().contains(a), "lease of a released");
        assertFalse(leaseFile().contains("\"" + ipA + "\""), "address of a free again");
        network.detach(a); // idempotent
        network.detach(newId()); // unknown

        String orphan = newId(); // attached, then forgotten by the engine
        String ipOrphan = network.attach(orphan).settings().get("IPAddress");
        assertPings(orphan, ipB);

        // engine restart: the bridge exists, nothing is flushed
        LinuxBridgeNetwork restarted = new LinuxBridgeNetwork(config, bridgeConfig);
        assertPings(b, gateway);
        restarted.restore(Map.of(b, attachB));
        assertFalse(namespaceExists(orphan), "orphan's namespace swept");
        assertFalse(linkExists(NetworkNames.hostVeth(orphan)), "orphan's veth swept");
        assertFalse(leaseFile().contains(orphan), "orphan's lease released");
        assertTrue(namespaceExists(b));
        assertEquals(List.of(ipB + "/24"), namespaceAddresses(b), "b kept its address");
        assertPings(b, gateway);

        String c = newId();
        NetworkAttachment attachC = restarted.attach(c);
        String ipC = attachC.settings().get("IPAddress");
        assertNotEquals(ipB, ipC);
        assertNotEquals(ipOrphan, ipC, "a just released address is not reused first");
        assertPings(c, ipB);
        assertPings(b, ipC);
    }

    @Test
    void connectAddsAnInterfaceThatRestoreKeepsAndSweepsOnceUnlisted() throws Exception {
        LinuxBridgeNetwork first = new LinuxBridgeNetwork(config, bridgeConfig);
        String otherBridge = bridge + "c";
        extraLinks.add(otherBridge);
        String routes = run("ip", "-4", "route", "show", "table", "all").output();
        String free;
        do {
            free = "10.124." + RANDOM.nextInt(256) + ".";
        } while (routes.contains(free));
        String net2 = free;
        ComponentConfig secondConfig = new ComponentConfig("bridge", new BridgeKeys().check(Map.of("bridge",
                otherBridge, "bip", net2 + "1/24")));
        LinuxBridgeNetwork second = new LinuxBridgeNetwork(config, secondConfig);
        String a = newId();
        String b = newId();
        NetworkAttachment attachA = first.attach(a);
        NetworkAttachment attachB = second.attach(b, net2 + "9");
        assertEquals(net2 + "9", attachB.settings().get("IPAddress"), "--ip is honoured");
        extraLinks.add(NetworkNames.connectedVeth(a, otherBridge));

        assertThrows(IllegalStateException.class, () -> second.connect(a, attachA.namespacePath(), net2 + "9"),
                "an address another container holds");
        assertThrows(IllegalArgumentException.class, () -> second.connect(a, attachA.namespacePath(), "10.9.9.9"),
                "an address outside the subnet");
        assertFalse(leaseFile(otherBridge).contains(a), "refused connects lease nothing");
        NetworkAttachment connected = second.connect(a, attachA.namespacePath(), net2 + "50");
        assertEquals("eth1", connected.settings().get("Interface"));
        assertEquals(net2 + "50", connected.settings().get("IPAddress"));
        assertEquals(connected, second.connect(a, attachA.namespacePath(), ""), "connecting again returns it");
        assertPings(a, net2 + "9");
        assertPings(b, net2 + "50");
        assertPings(a, gateway);
        assertTrue(run("ip", "-n", NetworkNames.namespace(a), "route", "show", "default").output()
                .contains("via " + gateway + " dev eth0"), "the default route stays via the first network");
        assertThrows(IllegalStateException.class, () -> second.attach(a), "a connected container is not attached");

        LinuxBridgeNetwork restarted = new LinuxBridgeNetwork(config, secondConfig);
        restarted.restore(Map.of(a, connected, b, attachB));
        assertTrue(linkExists(NetworkNames.connectedVeth(a, otherBridge)), "kept");
        assertTrue(leaseFile(otherBridge).contains(a), "lease kept");
        assertPings(b, net2 + "50");
        first.restore(Map.of(a, attachA)); // the first network does not touch the further one's interface
        assertPings(b, net2 + "50");

        restarted.restore(Map.of(b, attachB)); // a connect the engine never recorded: undone
        assertFalse(linkExists(NetworkNames.connectedVeth(a, otherBridge)), "unlisted connected veth swept");
        assertFalse(leaseFile(otherBridge).contains(a), "its lease released");
        assertTrue(namespaceExists(a), "the namespace is the first network's");
        assertPings(a, gateway);

        NetworkAttachment again = restarted.connect(a, attachA.namespacePath(), "");
        assertPings(b, again.settings().get("IPAddress"));
        restarted.disconnect(a);
        restarted.disconnect(a); // idempotent
        assertFalse(linkExists(NetworkNames.connectedVeth(a, otherBridge)), "disconnect deletes the veth");
        assertFalse(leaseFile(otherBridge).contains(a), "and frees the lease");
        assertPings(a, gateway);
    }

    @Test
    void restoreAfterALostLeaseFileNeverHandsOutALivingAddress() throws Exception {
        LinuxBridgeNetwork network = new LinuxBridgeNetwork(config, bridgeConfig);
        String a = newId();
        String b = newId();
        NetworkAttachment attachA = network.attach(a);
        NetworkAttachment attachB = network.attach(b);
        Files.delete(LeaseFile.under(dataRoot, bridge).path());

        LinuxBridgeNetwork restarted = new LinuxBridgeNetwork(config, bridgeConfig);
        // b's record lacks its settings: its address is read from its namespace
        restarted.restore(Map.of(a, attachA, b, new NetworkAttachment("bridge", attachB.namespacePath(), Map.of())));
        assertTrue(leaseFile().contains(a) && leaseFile().contains(b), "both leased again");
        String ipC = restarted.attach(newId()).settings().get("IPAddress");
        assertFalse(Set.of(attachA.settings().get("IPAddress"), attachB.settings().get("IPAddress")).contains(ipC));
        assertPings(a, attachB.settings().get("IPAddress"));
    }

    @Test
    void failedAttachUndoesItsWorkAndNamesTheCommand() throws Exception {
        LinuxBridgeNetwork network = new LinuxBridgeNetwork(config, bridgeConfig);
        String id = newId();
        String veth = NetworkNames.hostVeth(id);
        extraLinks.add(veth);
        assertTrue(run("ip", "link", "add", veth, "type", "bridge").ok()); // takes the host veth's name

        IOException failure = assertThrows(IOException.class, () -> network.attach(id));
        assertTrue(failure.getMessage().contains("container " + id), failure.getMessage());
        assertTrue(failure.getMessage().contains("`ip link add " + veth), failure.getMessage());
        assertTrue(failure.getMessage().contains("File exists"), failure.getMessage());
        assertFalse(namespaceExists(id), "the namespace it made is gone");
        assertTrue(linkExists(veth), "what it did not make is left");
        assertFalse(leaseFile().contains(id), "the lease is released");
    }

    @Test
    void aNamespaceWithoutALeaseIsNotTaken() throws Exception {
        LinuxBridgeNetwork network = new LinuxBridgeNetwork(config, bridgeConfig);
        String id = newId();
        assertTrue(run("ip", "netns", "add", NetworkNames.namespace(id)).ok());

        IOException failure = assertThrows(IOException.class, () -> network.attach(id));
        assertTrue(failure.getMessage().contains("holds no lease"), failure.getMessage());
        assertTrue(namespaceExists(id), "left alone");
        assertFalse(leaseFile().contains(id));
    }

    private void checkSettings(String id, NetworkAttachment attachment) {
        Map<String, String> settings = attachment.settings();
        assertEquals("bridge", attachment.network());
        assertEquals("/run/netns/" + NetworkNames.namespace(id), attachment.namespacePath());
        assertEquals(attachment.namespacePath(), settings.get("SandboxKey"));
        assertTrue(Files.exists(Path.of(attachment.namespacePath())));
        Subnet subnet = Subnet.parse((String) bridgeConfig.values().get("bip"));
        assertTrue(subnet.assignable(Ipv4.parse(settings.get("IPAddress"))), settings.toString());
        assertEquals("24", settings.get("IPPrefixLen"));
        assertEquals(gateway, settings.get("Gateway"));
        assertTrue(settings.get("MacAddress").matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), settings.toString());
        assertEquals(Set.of("IPAddress", "IPPrefixLen", "Gateway", "MacAddress", "SandboxKey"), settings.keySet());
    }

    private String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        containerIds.add(id);
        return id;
    }

    private void assertPings(String fromId, String address) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", NetworkNames.namespace(fromId)));
        argv.addAll(pingCommand());
        argv.addAll(List.of("-c", "1", "-W", "2", address));
        Command.Result result = Command.run(argv, TIMEOUT);
        assertTrue(result.ok(), String.join(" ", argv) + ": " + result.output());
    }

    private static List<String> pingCommand() throws IOException {
        if (run("sh", "-c", "command -v ping").ok()) {
            return List.of("ping");
        }
        if (Files.isExecutable(Path.of("/bin/busybox"))) {
            return List.of("/bin/busybox", "ping"); // installed by scripts/install-deps.sh
        }
        throw new IllegalStateException("no ping: install iputils-ping or busybox-static");
    }

    private boolean namespaceExists(String id) throws IOException {
        return run("ip", "netns", "list").output().lines()
                .anyMatch(line -> line.split(" ")[0].equals(NetworkNames.namespace(id)));
    }

    private static boolean linkExists(String name) throws IOException {
        return run("ip", "link", "show", "dev", name).ok();
    }

    private List<String> namespaceAddresses(String id) throws IOException {
        return new IpCommands().in(NetworkNames.namespace(id)).ipv4Addresses("eth0");
    }

    private String leaseFile() throws IOException {
        return leaseFile(bridge);
    }

    private String leaseFile(String of) throws IOException {
        return Files.readString(LeaseFile.under(dataRoot, of).path());
    }

    private static Command.Result run(String... argv) throws IOException {
        return Command.run(List.of(argv), TIMEOUT);
    }

    private static void deleteIfPresent(List<String> problems, List<String> argv) {
        try {
            Command.Result result = Command.run(argv, TIMEOUT);
            String output = result.output();
            if (!result.ok() && !output.contains("Cannot find device") && !output.contains("No such file")) {
                problems.add(String.join(" ", argv) + ": " + output.strip());
            }
        } catch (IOException e) {
            problems.add(String.join(" ", argv) + ": " + e.getMessage());
        }
    }
}
