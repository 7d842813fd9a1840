package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Published ports ({@code -p}, {@code -P}) across an engine SIGKILL: a socat forwarder per port, outside the
 * engine, keeps answering while the engine is down, is adopted with the same pid, is started again by the restore
 * if it died meanwhile, and frees its port on {@code rm}. Traffic goes only from 127.0.0.1 to the container's
 * address on the test's own bridge.
 */
@ExtendWith(EngineExtension.class)
class PublishedPortsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** busybox httpd serving one page on port 80 of the container. */
    private static final String[] WEB_SERVER = {"busybox", "sh", "-c",
            "mkdir -p /www && echo hello from the container > /www/index.html && exec httpd -f -p 80 -h /www"};

    /** A port the kernel calls free on 127.0.0.1 now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The page behind 127.0.0.1:{@code port}, or an empty string when nothing answers (yet). */
    private static String fetch(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static void awaitPage(int port) throws Exception {
        Await.until("the page behind 127.0.0.1:" + port, Duration.ofSeconds(60),
                () -> fetch(port).contains("hello from the container"));
    }

    private static JsonNode forwarders(Engine engine, String id) throws IOException {
        return JSON.readTree(Files.readAllBytes(engine.dataRoot().resolve("ports").resolve(id + ".json")));
    }

    private static long forwarderPid(Engine engine, String id) throws IOException {
        JsonNode recorded = forwarders(engine, id);
        assertEquals(1, recorded.size(), recorded.toString());
        return recorded.get(0).path("pid").asLong();
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aPublishedPortAnswersBeforeDuringAndAfterAnEngineSigkillAndIsFreeAfterRm(Engine engine, Cli cli, Api api)
            throws Exception {
        int port = freePort();
        String[] run = new String[4 + WEB_SERVER.length];
        System.arraycopy(new String[] {"run", "-d", "-p", "127.0.0.1:" + port + ":80"}, 0, run, 0, 4);
        System.arraycopy(WEB_SERVER, 0, run, 4, WEB_SERVER.length);
        String id = cli.ok(run);
        awaitPage(port);
        long pid = forwarderPid(engine, id);
        JsonNode inspect = api.inspect(id);
        assertEquals("[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + port + "\"}]",
                inspect.path("NetworkSettings").path("Ports").path("80/tcp").toString());
        assertEquals("[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + port + "\"}]",
                inspect.path("HostConfig").path("PortBindings").path("80/tcp").toString());
        assertEquals("80/tcp -> 127.0.0.1:" + port, cli.ok("port", id));

        engine.kill9();
        assertTrue(fetch(port).contains("hello from the container"), "the port answers while the engine is down");
        assertTrue(Await.alive(pid));
        engine.start();

        assertTrue(fetch(port).contains("hello from the container"), "the port answers after the restore");
        assertEquals(pid, forwarderPid(engine, id), "the restore adopted the very forwarder");
        assertEquals(String.valueOf(port), api.inspect(id).path("NetworkSettings").path("Ports").path("80/tcp")
                .get(0).path("HostPort").asText());
        assertTrue(api.request("GET", "/containers/json").body().contains("\"PublicPort\":" + port));
        assertTrue(cli.ok("ps").contains("127.0.0.1:" + port + "->80/tcp"), "holdfast ps shows the port");
        assertEquals(id.substring(0, 12), cli.ok("ps", "-q", "--filter", "publish=" + port));
        assertEquals(id.substring(0, 12), cli.ok("ps", "-q", "--filter", "expose=80/tcp"));
        assertEquals("", cli.ok("ps", "-q", "--filter", "publish=80"), "publish is the host's side");

        cli.ok("rm", "-f", id);
        assertFalse(Await.alive(pid), "rm ended the forwarder");
        assertTrue(bindable(port), "the port is free again after rm");
        assertFalse(Files.exists(engine.dataRoot().resolve("ports").resolve(id + ".json")));
    }

    @Test
    void aForwarderKilledWhileTheEngineIsDownIsStartedAgainByTheRestore(Engine engine, Cli cli) throws Exception {
        int port = freePort();
        String[] run = new String[4 + WEB_SERVER.length];
        System.arraycopy(new String[] {"run", "-d", "-p", "127.0.0.1:" + port + ":80"}, 0, run, 0, 4);
        System.arraycopy(WEB_SERVER, 0, run, 4, WEB_SERVER.length);
        String id = cli.ok(run);
        awaitPage(port);
        long pid = forwarderPid(engine, id);

        engine.kill9();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Await.until("the forwarder to end", Duration.ofSeconds(30), () -> !Await.alive(pid));
        assertEquals("", fetch(port), "nothing forwards while both are down");
        engine.start();

        awaitPage(port); // the restore has run before the engine answers; the new forwarder listens by then
        long again = forwarderPid(engine, id);
        assertNotEquals(pid, again);
        assertTrue(engine.log().contains("started again as pid " + again), engine.log());
        cli.ok("rm", "-f", id);
        assertFalse(Await.alive(again));
    }

    @Test
    void aContainerThatExitsWhileTheEngineIsDownLosesItsForwarderAtTheRestore(Engine engine, Cli cli)
            throws Exception {
        int port = freePort();
        String id = cli.ok("run", "-d", "-p", "127.0.0.1:" + port + ":80", "busybox", "sleep", "1000");
        long pid = forwarderPid(engine, id);
        engine.kill9();
        // the container ends while the engine is down, killed through its runtime
        Process kill = new ProcessBuilder("runc", "--root", engine.execRoot().resolve("runtime/runc").toString(),
                "kill", id, "KILL").redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        assertEquals(0, kill.waitFor());
        engine.start();

        assertFalse(Await.alive(pid), "the restore ended the forwarder of a container that exited while down");
        assertTrue(bindable(port));
        cli.ok("rm", id);
    }

    @Test
    void aPortInUseIsRefusedBeforeTheContainerStartsAndPortsNeedAnAddress(Cli cli, Api api) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli.Result refused = cli.run("run", "-d", "--name", "clash", "-p", "127.0.0.1:" + port + ":80", "busybox",
                    "sleep", "1000");
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.err().contains("Bind for 127.0.0.1:" + port + "/tcp failed: port is already allocated"),
                    refused.err());
            assertFalse(api.inspect("clash").path("State").path("Running").asBoolean());
        }
        Cli.Result none = cli.run("create", "--network", "none", "-p", "127.0.0.1:18099:80", "busybox");
        assertTrue(none.err().contains("need a network that gives the container an address; --network none"),
                none.err());
        Cli.Result host = cli.run("create", "--network", "host", "-p", "127.0.0.1:18099:80", "busybox");
        assertTrue(host.err().contains("cannot be used with --network host"), host.err());
        Cli.Result bad = cli.run("create", "-p", "127.0.0.1:18099-18100:80", "busybox");
        assertTrue(bad.err().contains("differ in length"), bad.err());
    }

    @Test
    void publishAllAndARangeArePublishedAsTheDockerCliShowsThem(Engine engine, Cli cli, Api api) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        int first = freePort();
        int second = freePort();
        // a range needs two consecutive ports: retry until the kernel gives a free pair
        for (int tries = 0; second != first + 1 || !bindable(second); tries++) {
            first = freePort();
            second = first + 1;
            assertTrue(tries < 50, "no two consecutive free ports");
        }
        String ranged = docker.ok("run", "-d", "-p", "127.0.0.1:" + first + "-" + second + ":80-81/udp", "busybox",
                "sleep", "1000");
        // the CLI prints the ports in the order of a Go map's iteration: any order
        assertEquals(List.of("80/udp -> 127.0.0.1:" + first, "81/udp -> 127.0.0.1:" + second),
                docker.ok("port", ranged).strip().lines().sorted().toList());

        // -P publishes each exposed port on a free port; nothing but this test connects to it, on 127.0.0.1
        String all = docker.ok("run", "-d", "-P", "--expose", "80", "busybox", "sleep", "1000");
        JsonNode side = api.inspect(all).path("NetworkSettings").path("Ports").path("80/tcp").get(0);
        int picked = side.path("HostPort").asInt();
        assertTrue(picked > 0, side.toString());
        assertEquals("0.0.0.0:" + picked, docker.ok("port", all, "80").strip());
        engine.kill9();
        engine.start();
        assertEquals("0.0.0.0:" + picked, docker.ok("port", all, "80/tcp").strip(), "the same port after restore");

        // an image's EXPOSE (docker import --change) is what -P publishes when the run exposes nothing itself
        Path tarball = Files.createDirectories(engine.root().resolve("ports-import")).resolve("busybox.tar");
        docker.ok("export", "-o", tarball.toString(), ranged);
        docker.ok("import", "--change", "EXPOSE 8080/tcp", tarball.toString(), "exposing:v1");
        assertEquals("map[8080/tcp:{}]", docker.ok("image", "inspect", "-f", "{{.Config.ExposedPorts}}",
                "exposing:v1"));
        String fromImage = docker.ok("run", "-d", "-P", "exposing:v1", "sleep", "1000");
        String line = docker.ok("port", fromImage);
        assertTrue(line.matches("8080/tcp -> 0\\.0\\.0\\.0:[0-9]+"), line);
        docker.ok("rm", "-f", ranged, all, fromImage);
        docker.ok("rmi", "exposing:v1");
        assertTrue(bindable(picked));
    }

    @Test
    void theDockerSdkPublishesAPortAndReadsItBack(Engine engine) throws Exception {
        int port = freePort();
        DockerSdk.of(engine).ok("ports.py", "sdk-ports", Integer.toString(port));
        assertTrue(bindable(port), "the port is free after the SDK removed the container");
    }
}
