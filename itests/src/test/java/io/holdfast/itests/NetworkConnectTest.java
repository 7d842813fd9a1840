package io.holdfast.itests;

import static io.holdfast.itests.support.ContainerNamespaces.inside;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code docker network connect} and {@code disconnect} with the stock docker CLI: a running container on network
 * {@code front} is connected to {@code back} with an alias; containers of both networks reach it by name and alias
 * over their own network, before an engine SIGKILL, while the engine is down (from inside the containers'
 * namespaces with nsenter) and after the restore, which keeps the connected interface (same ifindex) and address.
 * Disconnect and removal leave no veth and no lease. Traffic stays on the test's own bridges; the engine's cleanup
 * deletes them even when a test fails.
 */
@ExtendWith(EngineExtension.class)
class NetworkConnectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode networkInspect(DockerCli docker, String name) throws Exception {
        return JSON.readTree(docker.ok("network", "inspect", name)).get(0);
    }

    /** The host end of a connected container's veth: hc and 13 hex digits of SHA-256 over "id/bridge". */
    private static String connectedVeth(String containerId, String bridge) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((containerId + "/" + bridge)
                .getBytes(StandardCharsets.UTF_8));
        return "hc" + HexFormat.of().formatHex(digest).substring(0, 13);
    }

    private static String leases(Engine engine, String bridge) throws Exception {
        Path file = engine.dataRoot().resolve("network/bridge").resolve(bridge).resolve("leases.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** The subnet's host address number {@code n} (1 is the gateway). */
    private static String host(String subnet, int n) {
        String[] parts = subnet.substring(0, subnet.indexOf('/')).split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + n);
    }

    @Test
    void aRunningContainerConnectedToASecondNetworkIsReachedThereThroughSigkillAndLeavesNothingBehind(Engine engine,
            Api api) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        docker.ok("network", "create", "front");
        docker.ok("network", "create", "back");
        JsonNode back = networkInspect(docker, "back");
        String backSubnet = back.path("IPAM").path("Config").get(0).path("Subnet").asText();
        String backBridge = back.path("Options").path("com.docker.network.bridge.name").asText();
        String frontGateway = networkInspect(docker, "front").path("IPAM").path("Config").get(0).path("Gateway")
                .asText();

        String app = docker.ok("run", "-d", "--name", "app", "--network", "front", "busybox", "sh", "-c",
                "mkdir /www && echo hello-from-app > /www/index.html && httpd -f -p 8080 -h /www");
        String peer = docker.ok("run", "-d", "--name", "peer", "--network", "back", "--ip", host(backSubnet, 5),
                "busybox", "sleep", "1000");
        String neighbour = docker.ok("run", "-d", "--name", "neighbour", "--network", "front", "busybox", "sleep",
                "1000");
        assertEquals(host(backSubnet, 5), api.inspect(peer).path("NetworkSettings").path("Networks").path("back")
                .path("IPAddress").asText(), "--ip");

        long since = java.time.Instant.now().getEpochSecond();
        docker.ok("network", "connect", "--alias", "api", "back", "app");
        String events = docker.ok("events", "--since", Long.toString(since), "--until",
                Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "network=back",
                "--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{index .Actor.Attributes \"container\"}}");
        assertEquals("network connect " + back.path("Id").asText() + " " + app, events, "Docker's network event");
        JsonNode networks = api.inspect(app).path("NetworkSettings").path("Networks");
        assertEquals(List.of("front", "back"), iterable(networks.fieldNames()), networks.toString());
        JsonNode onBack = networks.path("back");
        String appBackIp = onBack.path("IPAddress").asText();
        assertEquals(back.path("Id").asText(), onBack.path("NetworkID").asText());
        assertTrue(onBack.path("Aliases").toString().contains("\"api\""), onBack.toString());
        assertEquals(64, onBack.path("EndpointID").asText().length(), onBack.toString());
        assertNotEquals(networks.path("front").path("EndpointID").asText(), onBack.path("EndpointID").asText());
        assertNotEquals(networks.path("front").path("MacAddress").asText(), onBack.path("MacAddress").asText());
        assertTrue(networkInspect(docker, "back").path("Containers").has(app), "network inspect lists it");
        assertTrue(docker.ok("exec", "app", "ip", "-4", "addr", "show", "eth1").contains(appBackIp + "/"));
        assertTrue(docker.ok("exec", "app", "ip", "route").contains("default via " + frontGateway + " dev eth0"),
                "the default route stays via the first network");

        DockerCli.Result again = docker.run("network", "connect", "back", "app");
        assertTrue(again.exitCode() != 0 && again.err().contains("already exists in network back"), again.toString());
        DockerCli.Result taken = docker.run("network", "connect", "--ip", host(backSubnet, 5), "back", "neighbour");
        assertTrue(taken.exitCode() != 0 && taken.err().contains("Address already in use"), taken.toString());
        DockerCli.Result outside = docker.run("network", "connect", "--ip", "192.0.2.7", "back", "neighbour");
        assertTrue(outside.exitCode() != 0 && outside.err().contains("not in subnet " + backSubnet),
                outside.toString());
        assertFalse(networkInspect(docker, "back").path("Containers").has(neighbour), "refused connects hold nothing");
        DockerCli.Result refusedRm = docker.run("network", "rm", "back");
        assertTrue(refusedRm.exitCode() != 0 && refusedRm.err().contains("active endpoints"), refusedRm.toString());

        // peer is on back only, neighbour on front only: each finds app over its own network
        assertTrue(docker.ok("exec", "peer", "wget", "-q", "-O", "-", "http://api:8080/").contains("hello-from-app"));
        assertTrue(docker.ok("exec", "peer", "cat", "/etc/hosts").contains(appBackIp + "\tapp api"));
        assertTrue(docker.ok("exec", "neighbour", "wget", "-q", "-O", "-", "http://app:8080/")
                .contains("hello-from-app"));
        assertEquals(0, docker.run("exec", "app", "ping", "-c", "1", "-W", "5", "peer").exitCode(),
                "app resolves the peers of both networks");
        assertEquals(0, docker.run("exec", "app", "ping", "-c", "1", "-W", "5", "neighbour").exitCode());

        String veth = connectedVeth(app, backBridge);
        String ifindex = Files.readString(Path.of("/sys/class/net", veth, "ifindex"));
        long peerPid = api.inspect(peer).path("State").path("Pid").asLong();
        long appPid = api.inspect(app).path("State").path("Pid").asLong();
        engine.kill9();
        assertTrue(inside(peerPid, "wget", "-q", "-O", "-", "http://api:8080/").contains("hello-from-app"),
                "by alias over the connected network while the engine is down");
        inside(appPid, "ping", "-c", "1", "-W", "5", "peer");
        // what a connect of neighbour to back leaves when the engine is killed after the bridge built it and before
        // the record was saved (or a disconnect after the record was saved): a connected veth and lease, unrecorded
        String cutShort = connectedVeth(neighbour, backBridge);
        String neighbourNs = "holdfast-" + neighbour.substring(0, 12);
        ip("link", "add", cutShort, "type", "veth", "peer", "name", "eth1", "netns", neighbourNs);
        ip("link", "set", cutShort, "master", backBridge);
        Path leaseFile = engine.dataRoot().resolve("network/bridge").resolve(backBridge).resolve("leases.json");
        com.fasterxml.jackson.databind.node.ObjectNode leases = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(leaseFile.toFile());
        leases.with("leases").put(neighbour, host(backSubnet, 11));
        leases.withArray("connected").add(neighbour);
        Files.write(leaseFile, JSON.writeValueAsBytes(leases));
        engine.start();

        assertFalse(Files.exists(Path.of("/sys/class/net", cutShort)), "the restore removes an unrecorded connection");
        assertFalse(leases(engine, backBridge).contains(neighbour), "and its lease");
        assertFalse(docker.ok("exec", "neighbour", "ip", "link").contains("eth1"));
        assertTrue(docker.ok("exec", "neighbour", "wget", "-q", "-O", "-", "http://app:8080/")
                .contains("hello-from-app"), "neighbour's own network is untouched");

        assertEquals(ifindex, Files.readString(Path.of("/sys/class/net", veth, "ifindex")),
                "the connected veth was kept, not rebuilt");
        assertEquals(appBackIp, api.inspect(app).path("NetworkSettings").path("Networks").path("back")
                .path("IPAddress").asText());
        assertTrue(leases(engine, backBridge).contains(app), "its lease was kept");
        assertTrue(docker.ok("exec", "peer", "wget", "-q", "-O", "-", "http://app:8080/").contains("hello-from-app"));

        docker.ok("network", "disconnect", "back", "app");
        assertFalse(Files.exists(Path.of("/sys/class/net", veth)), "disconnect deletes the veth");
        assertFalse(leases(engine, backBridge).contains(app), "and frees the lease");
        assertFalse(docker.ok("exec", "app", "ip", "link").contains("eth1"));
        assertFalse(docker.ok("exec", "peer", "cat", "/etc/hosts").contains("app"), "peer forgets app");
        assertFalse(networkInspect(docker, "back").path("Containers").has(app));
        DockerCli.Result notConnected = docker.run("network", "disconnect", "back", "app");
        assertTrue(notConnected.exitCode() != 0 && notConnected.err().contains("is not connected"),
                notConnected.toString());

        // a created container connected before its first start, then removed: nothing of it stays
        String created = docker.ok("create", "--name", "later", "--network", "front", "busybox", "sleep", "1000");
        docker.ok("network", "connect", "back", "later");
        docker.ok("start", "later");
        assertTrue(docker.ok("exec", "later", "ip", "-4", "addr", "show", "eth1").contains(host(backSubnet, 0)
                .substring(0, host(backSubnet, 0).lastIndexOf('.') + 1)));
        docker.ok("rm", "-f", "later");
        assertFalse(Files.exists(Path.of("/sys/class/net", connectedVeth(created, backBridge))));
        assertFalse(leases(engine, backBridge).contains(created), "removal detaches every network");

        docker.ok("rm", "-f", "app", "peer", "neighbour");
        docker.ok("network", "rm", "front", "back");
    }

    @Test
    void theNewerDockerCliConnectsWithAnAliasAndAnAddress(Engine engine, Api api) throws Exception {
        DockerCli debian = DockerCli.of(engine);
        DockerCli docker = debian.newer().orElse(debian);
        docker.ok("network", "create", "one");
        docker.ok("network", "create", "two");
        String subnet = networkInspect(docker, "two").path("IPAM").path("Config").get(0).path("Subnet").asText();
        docker.ok("run", "-d", "--name", "x", "--network", "one", "busybox", "sleep", "1000");
        docker.ok("run", "-d", "--name", "y", "--network", "two", "busybox", "sleep", "1000");
        docker.ok("network", "connect", "--alias", "xx", "--ip", host(subnet, 9), "two", "x");
        assertEquals(host(subnet, 9), docker.ok("inspect", "-f", "{{.NetworkSettings.Networks.two.IPAddress}}", "x"));

        engine.kill9();
        engine.start();

        assertEquals(0, docker.run("exec", "y", "ping", "-c", "1", "-W", "5", "xx").exitCode());
        docker.ok("network", "disconnect", "two", "x");
        assertEquals(Map.of("one", true), Map.of(docker.ok("inspect", "-f",
                "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", "x"), true));
        docker.ok("rm", "-f", "x", "y");
        docker.ok("network", "rm", "one", "two");
    }

    private static void ip(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
