package io.holdfast.itests;

import static io.holdfast.itests.support.ContainerNamespaces.inside;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User-defined networks with the stock docker CLI: containers on one find each other by name and alias through the
 * hosts files the engine keeps, before an engine SIGKILL, while it is down (checked from inside the container's own
 * namespaces with nsenter, no engine involved) and after the restore, with the bridge and links untouched. Traffic
 * stays on the test's own bridge. The engine's cleanup deletes the networks' bridges even when a test fails.
 */
@ExtendWith(EngineExtension.class)
class UserNetworksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode networkInspect(DockerCli docker, String name) throws Exception {
        return JSON.readTree(docker.ok("network", "inspect", name)).get(0);
    }

    @Test
    void containersResolveEachOtherByNameAndAliasBeforeDuringAndAfterSigkill(Engine engine, Api api)
            throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String networkId = docker.ok("network", "create", "--label", "tier=back", "backend");
        JsonNode network = networkInspect(docker, "backend");
        assertEquals(networkId, network.path("Id").asText());
        assertEquals("bridge", network.path("Driver").asText());
        String subnet = network.path("IPAM").path("Config").get(0).path("Subnet").asText();
        assertTrue(subnet.startsWith("10.214.") && subnet.endsWith("/28"), "from default-address-pools: " + subnet);
        String bridge = network.path("Options").path("com.docker.network.bridge.name").asText();
        assertTrue(Files.exists(Path.of("/sys/class/net", bridge)), "its own Linux bridge " + bridge);
        assertTrue(docker.ok("network", "ls", "--filter", "label=tier=back").contains("backend"));

        String server = docker.ok("run", "-d", "--name", "web", "--network", "backend", "--network-alias", "db",
                "busybox", "sh", "-c", "mkdir /www && echo hello-from-web > /www/index.html && httpd -f -p 8080 -h /www");
        String client = docker.ok("run", "-d", "--name", "client", "--network", "backend", "busybox",
                "sleep", "1000");
        JsonNode endpoint = api.inspect(server).path("NetworkSettings").path("Networks").path("backend");
        assertEquals(networkId, endpoint.path("NetworkID").asText());
        assertTrue(endpoint.path("Aliases").toString().contains("\"db\""), endpoint.toString());
        String serverIp = endpoint.path("IPAddress").asText();
        assertTrue(serverIp.startsWith(subnet.substring(0, subnet.lastIndexOf('.'))), serverIp + " in " + subnet);
        assertEquals(serverIp, api.inspect(server).path("NetworkSettings").path("IPAddress").asText(),
                "the top-level address stays the attachment's");
        assertTrue(networkInspect(docker, "backend").path("Containers").has(server));

        DockerCli.Result ping = docker.run("exec", client, "ping", "-c", "1", "-W", "5", "web");
        assertEquals(0, ping.exitCode(), ping.toString());
        Await.until("web's httpd to answer by alias", Duration.ofSeconds(60), () ->
                docker.run("exec", client, "wget", "-q", "-O", "-", "http://db:8080/").out().contains("hello-from-web"));

        long clientPid = api.inspect(client).path("State").path("Pid").asLong();
        String ifindex = Files.readString(Path.of("/sys/class/net", "hf" + client.substring(0, 11), "ifindex"));
        engine.kill9();
        assertTrue(inside(clientPid, "wget", "-q", "-O", "-", "http://web:8080/").contains("hello-from-web"),
                "by name while the engine is down");
        assertTrue(inside(clientPid, "wget", "-q", "-O", "-", "http://db:8080/").contains("hello-from-web"),
                "by alias while the engine is down");
        inside(clientPid, "ping", "-c", "1", "-W", "5", "web");
        engine.start();

        assertEquals("running", api.inspect(client).path("State").path("Status").asText());
        assertEquals(ifindex, Files.readString(Path.of("/sys/class/net", "hf" + client.substring(0, 11), "ifindex")),
                "the client's link was kept, not rebuilt");
        assertTrue(Files.exists(Path.of("/sys/class/net", bridge)));
        assertEquals(serverIp, api.inspect(server).path("NetworkSettings").path("Networks").path("backend")
                .path("IPAddress").asText());
        assertTrue(docker.ok("exec", client, "wget", "-q", "-O", "-", "http://db:8080/").contains("hello-from-web"));

        // a container that joins after the restore is found by the one that was running all along
        String late = docker.ok("run", "-d", "--name", "late", "--network", "backend", "busybox", "sleep", "1000");
        String lateIp = api.inspect(late).path("NetworkSettings").path("Networks").path("backend").path("IPAddress")
                .asText();
        assertNotEquals(serverIp, lateIp);
        assertTrue(inside(clientPid, "cat", "/etc/hosts").contains(lateIp + "\tlate"),
                "the running client's hosts file names the newcomer");
        assertEquals(0, docker.run("exec", client, "ping", "-c", "1", "-W", "5", "late").exitCode());
        docker.ok("rm", "-f", late);
        assertFalse(inside(clientPid, "cat", "/etc/hosts").contains("late"), "and forgets it once it is removed");
    }

    @Test
    void removeIsRefusedWhileAttachedAndPruneRemovesOnlyUnusedNetworks(Engine engine) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        docker.ok("network", "create", "--internal", "--subnet", "10.215.77.0/24", "--gateway", "10.215.77.254",
                "used");
        docker.ok("network", "create", "idle");
        JsonNode used = networkInspect(docker, "used");
        assertEquals("10.215.77.254", used.path("IPAM").path("Config").get(0).path("Gateway").asText());
        String usedBridge = used.path("Options").path("com.docker.network.bridge.name").asText();
        String idleBridge = networkInspect(docker, "idle").path("Options").path("com.docker.network.bridge.name")
                .asText();
        String id = docker.ok("run", "-d", "--network", "used", "busybox", "sleep", "1000");
        assertTrue(docker.ok("inspect", "-f", "{{.NetworkSettings.Networks.used.IPAddress}}", id)
                .startsWith("10.215.77."));
        assertTrue(used.path("Internal").asBoolean());
        assertFalse(docker.ok("exec", id, "ip", "route").contains("default"), "an internal network has no default "
                + "route");

        engine.kill9();
        engine.start();

        if (docker.newer().isPresent()) { // the 28.x client, where this machine has one, reads the same answers
            DockerCli newer = docker.newer().get();
            assertTrue(newer.ok("network", "ls").contains("used"));
            assertEquals("10.215.77.254", newer.ok("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}",
                    "used"));
            String made = newer.ok("network", "create", "--label", "by=newer", "newer-net");
            assertEquals(made, newer.ok("network", "inspect", "-f", "{{.Id}}", "newer-net"));
            newer.ok("network", "rm", "newer-net");
        }
        DockerCli.Result refused = docker.run("network", "rm", "used");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("active endpoints"), refused.toString());
        DockerCli.Result overlap = docker.run("network", "create", "--subnet", "10.215.77.0/25", "other");
        assertNotEquals(0, overlap.exitCode());
        assertTrue(overlap.err().contains("overlaps"), overlap.toString());
        DockerCli.Result duplicate = docker.run("network", "create", "idle");
        assertTrue(duplicate.err().contains("already exists"), duplicate.toString());

        String pruned = docker.ok("network", "prune", "-f");
        assertTrue(pruned.contains("idle") && !pruned.contains("used"), pruned);
        assertFalse(Files.exists(Path.of("/sys/class/net", idleBridge)), "the pruned network's bridge is gone");

        docker.ok("rm", "-f", id);
        docker.ok("network", "rm", "used");
        assertFalse(Files.exists(Path.of("/sys/class/net", usedBridge)));
        assertEquals("", docker.ok("network", "ls", "-q"));
        assertNotEquals(0, docker.run("network", "inspect", "used").exitCode());
    }

    @Test
    void dockerSdkNetworksSurviveSigkill(Engine engine) throws Exception {
        DockerSdk sdk = DockerSdk.of(engine);
        sdk.ok("networks.py", "before", "sdknet");
        engine.kill9();
        engine.start();
        sdk.ok("networks.py", "after", "sdknet");
    }

    @Test
    void holdfastCliNetworkVerbsAndAliases(Engine engine, Cli cli) throws Exception {
        String id = cli.ok("network", "create", "--subnet", "10.216.9.0/28", "--label", "a=b", "-o",
                "com.docker.network.bridge.name=hfcli" + Long.toHexString(System.nanoTime() & 0xfffff), "clinet");
        assertEquals(64, id.length(), id);
        assertTrue(cli.ok("network", "ls").contains("clinet"));
        assertEquals(id.substring(0, 12), cli.ok("network", "ls", "-q", "--filter", "label=a=b"));
        JsonNode inspected = JSON.readTree(cli.ok("network", "inspect", "clinet")).get(0);
        String bridge = inspected.path("Options").path("com.docker.network.bridge.name").asText();
        assertTrue(bridge.startsWith("hfcli") && Files.exists(Path.of("/sys/class/net", bridge)), bridge);
        cli.ok("run", "-d", "--name", "srv", "--network", "clinet", "--network-alias", "api", "busybox",
                "sleep", "1000");
        String client = cli.ok("run", "-d", "--name", "cl", "--network", "clinet", "busybox", "sleep", "1000");
        assertTrue(cli.ok("exec", client, "cat", "/etc/hosts").contains("srv api"));
        Cli.Result again = cli.run("network", "connect", "clinet", "cl");
        assertTrue(again.exitCode() != 0 && again.err().contains("already exists in network clinet"), again.err());
        cli.ok("network", "create", "--subnet", "10.216.9.16/28", "clnet2");
        cli.ok("network", "connect", "--alias", "c2", "--ip", "10.216.9.20", "clnet2", "cl");
        assertTrue(cli.ok("exec", client, "ip", "-4", "addr", "show", "eth1").contains("10.216.9.20/28"));
        Cli.Result taken = cli.run("network", "connect", "--ip", "10.216.9.20", "clnet2", "srv");
        assertTrue(taken.exitCode() != 0 && taken.err().contains("Address already in use"), taken.err());
        Cli.Result notOn = cli.run("network", "disconnect", "clnet2", "srv");
        assertTrue(notOn.exitCode() != 0 && notOn.err().contains("is not connected to network clnet2"), notOn.err());
        cli.ok("network", "disconnect", "-f", "clnet2", "cl");
        assertFalse(cli.ok("exec", client, "ip", "link").contains("eth1"), "the interface is gone");
        assertEquals("Deleted Networks:\nclnet2", cli.ok("network", "prune", "-f"));

        engine.kill9();
        engine.start();

        cli.ok("exec", client, "ping", "-c", "1", "-W", "5", "api"); // ok: fails the test unless ping succeeds
        cli.ok("rm", "-f", "srv", "cl");
        assertEquals("clinet", cli.ok("network", "rm", "clinet"));
        assertFalse(Files.exists(Path.of("/sys/class/net", bridge)), "its bridge is gone");
        assertEquals("", cli.ok("network", "ls", "-q"));
    }
}
