package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create}'s docker-spelled flags end up in the create body's Config and HostConfig fields. */
class CreateFlagsTest {
    @TempDir
    Path directory;

    private FakeDaemon daemon;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeDaemon(directory);
        cli = new CliRunner().env("HOLDFAST_HOST", daemon.uri());
        daemon.on("POST", "/containers/create", FakeDaemon.json(201, "{\"Id\":\"abc\",\"Warnings\":[]}"));
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        assertTrue(daemon.failures().isEmpty(), () -> "fake daemon failed: " + daemon.failures());
    }

    /** The create body as a tree of maps; {@code path} renders a field as JSON text. */
    private record Body(Map<String, Object> map) {
        Body path(String field) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) map.get(field);
            return new Body(child);
        }

        String json(String field) throws IOException {
            return map.containsKey(field) ? JSON.std.asString(map.get(field)) : null;
        }

        String text(String field) {
            return (String) map.get(field);
        }

        long number(String field) {
            return ((Number) map.get(field)).longValue();
        }
    }

    private Body sent(String... args) throws IOException {
        CliRunner.Result result = cli.run(args);
        assertEquals(0, result.status(), result.err());
        return new Body(JSON.std.mapFrom(daemon.only("POST", "/containers/create").bodyText()));
    }

    @Test
    void aSeccompProfileFileIsSentAsItsContentAsTheDockerCliDoes(@TempDir Path dir) throws IOException {
        Path profile = java.nio.file.Files.writeString(dir.resolve("p.json"), "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n");
        Body body = sent("create", "--security-opt", "seccomp=" + profile, "--security-opt", "seccomp=unconfined",
                "busybox");
        assertEquals("[\"seccomp={\\\"defaultAction\\\": \\\"SCMP_ACT_ALLOW\\\"}\",\"seccomp=unconfined\"]",
                body.path("HostConfig").json("SecurityOpt"));
    }

    @Test
    void healthFlagsAreSentAsTheHealthcheckWithDurationsInNanoseconds() throws IOException {
        Body body = sent("create", "--health-cmd", "test -f /ok", "--health-interval", "1m30s", "--health-timeout",
                "500ms", "--health-retries", "2", "busybox");
        assertEquals("{\"Test\":[\"CMD-SHELL\",\"test -f /ok\"],\"Interval\":90000000000,\"Timeout\":500000000,"
                + "\"Retries\":2}", body.json("Healthcheck"));
    }

    @Test
    void noHealthcheckIsTestNoneAndConflictsWithAHealthFlag() throws IOException {
        assertEquals("{\"Test\":[\"NONE\"]}", sent("create", "--no-healthcheck", "busybox").json("Healthcheck"));
        CliRunner.Result refused = cli.run("create", "--no-healthcheck", "--health-cmd", "true", "busybox");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("--no-healthcheck conflicts with --health-* options"), refused.err());
    }

    @Test
    void everyFlagIsSentInDockersFields() throws IOException {
        Body body = sent("create", "-u", "1000:1000", "-w", "/srv", "--entrypoint", "/bin/sh", "-h", "web",
                "-l", "tier=web", "-l", "bare", "--stop-signal", "USR1", "-v", "/a:/b:ro",
                "--mount", "type=bind,src=/c,dst=/d,readonly,bind-propagation=rslave",
                "--mount", "type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1770", "--tmpfs", "/run:size=2m",
                "--read-only", "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "-m", "64m", "--cpus", "0.5", "--pids-limit", "50", "--ulimit", "nofile=100:200", "--ulimit",
                "nproc=30", "--init", "--add-host", "db:10.0.0.5", "--dns", "10.0.0.1", "busybox", "-c", "true");
        assertEquals("1000:1000", body.text("User"));
        assertEquals("/srv", body.text("WorkingDir"));
        assertEquals("[\"/bin/sh\"]", body.json("Entrypoint"));
        assertEquals("[\"-c\",\"true\"]", body.json("Cmd"));
        assertEquals("web", body.text("Hostname"));
        assertEquals("{\"tier\":\"web\",\"bare\":\"\"}", body.json("Labels"));
        assertEquals("USR1", body.text("StopSignal"));
        Body host = body.path("HostConfig");
        assertEquals("[\"/a:/b:ro\"]", host.json("Binds"));
        assertEquals("[{\"Type\":\"bind\",\"Source\":\"/c\",\"Target\":\"/d\",\"ReadOnly\":true,"
                + "\"BindOptions\":{\"Propagation\":\"rslave\"}},{\"Type\":\"tmpfs\",\"Target\":\"/t\","
                + "\"TmpfsOptions\":{\"SizeBytes\":1048576,\"Mode\":1016}}]", host.json("Mounts"));
        assertEquals("{\"/run\":\"size=2m\"}", host.json("Tmpfs"));
        assertTrue((Boolean) host.map().get("ReadonlyRootfs"));
        assertEquals("[\"NET_ADMIN\"]", host.json("CapAdd"));
        assertEquals("[\"ALL\"]", host.json("CapDrop"));
        assertEquals("[\"no-new-privileges\"]", host.json("SecurityOpt"));
        assertEquals(64L << 20, host.number("Memory"));
        assertEquals(500_000_000L, host.number("NanoCpus"));
        assertEquals(50, host.number("PidsLimit"));
        assertEquals("[{\"Name\":\"nofile\",\"Soft\":100,\"Hard\":200},{\"Name\":\"nproc\",\"Soft\":30,\"Hard\":30}]",
                host.json("Ulimits"));
        assertTrue((Boolean) host.map().get("Init"));
        assertEquals("[\"db:10.0.0.5\"]", host.json("ExtraHosts"));
        assertEquals("[\"10.0.0.1\"]", host.json("Dns"));
    }

    @Test
    void withoutFlagsNoOptionFieldIsSent() throws IOException {
        Body body = sent("create", "busybox");
        assertTrue(!body.map().containsKey("User"));
        assertEquals(2, body.path("HostConfig").map().size(), body.toString()); // RestartPolicy and AutoRemove
    }

    @Test
    void aBadSizeIsRefusedBeforeAnythingIsSent() {
        CliRunner.Result result = cli.run("create", "-m", "lots", "busybox");
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("invalid size \"lots\""), result.err());
        assertTrue(daemon.requests().isEmpty());
    }
}
