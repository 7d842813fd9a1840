package io.holdfast.cli.commands;

import static io.holdfast.cli.FakeDaemon.ascii;
import static io.holdfast.cli.FakeDaemon.chunk;
import static io.holdfast.cli.FakeDaemon.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    private static final String ID = "4f2a9c0e1b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1c3e5f7b9d1a3c5e7f9b1d3a5c";

    @TempDir
    Path directory;

    private FakeDaemon daemon;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeDaemon(directory);
        cli = new CliRunner().env("HOLDFAST_HOST", daemon.uri()).env("FROM_SHELL", "passed");
        daemon.on("POST", "/containers/create", FakeDaemon.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"));
        daemon.on("POST", "/containers/" + ID + "/start", FakeDaemon.noContent());
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        assertTrue(daemon.failures().isEmpty(), () -> "fake daemon failed: " + daemon.failures());
    }

    @Test
    void detachedRunSendsEveryFlagInTheCreateBodyAndPrintsTheId() throws IOException {
        CliRunner.Result result = cli.run("run", "-d", "--name", "x", "--restart", "on-failure:3", "--rm",
                "-e", "A=1", "busybox", "sh", "-c", "echo hi");

        assertEquals(new CliRunner.Result(0, ID + "\n", ""), result);
        FakeDaemon.Request create = daemon.only("POST", "/containers/create");
        assertEquals("/containers/create?name=x", create.target());
        assertEquals("application/json", create.header("Content-Type"));
        assertEquals(Map.of(
                "Image", "busybox",
                "Cmd", List.of("sh", "-c", "echo hi"),
                "Env", List.of("A=1"),
                "HostConfig", Map.of(
                        "RestartPolicy", Map.of("Name", "on-failure", "MaximumRetryCount", 3),
                        "AutoRemove", true)),
                JSON.std.mapFrom(create.body()));
        daemon.only("POST", "/containers/" + ID + "/start");
        assertEquals(2, daemon.requests().size(), "detached run neither follows logs nor waits");
    }

    @Test
    void defaultsLeaveCmdNullAndRestartNo() throws IOException {
        CliRunner.Result result = cli.run("create", "--network", "none", "-e", "FROM_SHELL", "-e", "UNSET_IN_SHELL", "busybox");

        assertEquals(0, result.status());
        assertEquals(ID + "\n", result.out());
        FakeDaemon.Request create = daemon.only("POST", "/containers/create");
        assertEquals("/containers/create", create.target());
        Map<String, Object> body = JSON.std.mapFrom(create.body());
        assertTrue(body.containsKey("Cmd") && body.get("Cmd") == null, "Cmd is sent as null: " + body);
        assertEquals(List.of("FROM_SHELL=passed"), body.get("Env"));
        assertEquals(Map.of("RestartPolicy", Map.of("Name", "no", "MaximumRetryCount", 0),
                "AutoRemove", false, "NetworkMode", "none"), body.get("HostConfig"));
        assertEquals(1, daemon.requests().size(), "create does not start");
    }

    /** The engine's answer to an attach: 101, then the raw stream (here: Docker's frames) until the connection ends. */
    private static FakeDaemon.Route attached(byte[]... frames) {
        return (request, out) -> {
            out.write(ascii("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n"));
            for (byte[] frame : frames) {
                out.write(frame);
            }
        };
    }

    @Test
    void foregroundRunAttachesBeforeItStartsAndExitsWithTheContainersStatus() {
        daemon.on("POST", "/containers/" + ID + "/attach", attached(frame(1, "hi\n"), frame(2, "warning\n")));
        daemon.on("POST", "/containers/" + ID + "/wait", FakeDaemon.json(200, "{\"StatusCode\":3}"));

        CliRunner.Result result = cli.run("run", "busybox", "sh", "-c", "echo hi; echo warning >&2; exit 3");

        assertEquals(new CliRunner.Result(3, "hi\n", "warning\n"), result);
        FakeDaemon.Request attach = daemon.only("POST", "/containers/" + ID + "/attach");
        assertEquals("/containers/" + ID + "/attach?stream=1&stdout=1&stderr=1&logs=1", attach.target());
        assertEquals("tcp", attach.header("Upgrade"), "asks for the connection as a raw stream, as docker run");
        List<String> order = daemon.requests().stream().map(FakeDaemon.Request::target).toList();
        assertTrue(order.indexOf(attach.target()) < order.indexOf("/containers/" + ID + "/start"),
                "attached before the start: " + order);
        daemon.only("POST", "/containers/" + ID + "/wait");
    }

    /** A container with --rm that exits at once is gone before its wait: its output came by the attach. */
    @Test
    void autoRemovedContainerStillShowsItsOutputAndStatus() {
        daemon.on("POST", "/containers/" + ID + "/attach", attached(frame(1, "done\n")));
        daemon.on("POST", "/containers/" + ID + "/wait?condition=next-exit", FakeDaemon.json(200, "{\"StatusCode\":7}"));
        daemon.on("POST", "/containers/" + ID + "/wait", FakeDaemon.json(404, "{\"message\":\"No such container\"}"));

        CliRunner.Result result = cli.run("run", "--rm", "busybox", "sh", "-c", "echo done; exit 7");

        assertEquals(new CliRunner.Result(7, "done\n", ""), result);
    }

    @Test
    void optionsAfterTheImageBelongToTheCommand() throws IOException {
        cli.run("create", "busybox", "ls", "--name", "-d", "--help");

        Map<String, Object> body = JSON.std.mapFrom(daemon.only("POST", "/containers/create").body());
        assertEquals(List.of("ls", "--name", "-d", "--help"), body.get("Cmd"));
    }

    @Test
    void badRestartPolicyIsAUsageError() {
        CliRunner.Result result = cli.run("run", "--restart", "on-failure:x", "busybox");

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("Invalid value for option '--restart'"), result.err());
        assertTrue(daemon.requests().isEmpty());
    }
}
