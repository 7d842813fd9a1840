package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Exec through the API, the holdfast CLI and the stock docker CLIs, on one engine. */
@ExtendWith(EngineExtension.class)
class ExecTest {
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static Engine engine;
    private static Cli cli;
    private static Api api;

    @TempDir
    static Path dockerConfig;

    @BeforeAll
    static void useEngine(Engine shared) {
        engine = shared;
        cli = engine.cli();
        api = engine.api();
    }

    private static String create(String container, Map<String, Object> body) throws Exception {
        Api.Response created = api.post("/containers/" + container + "/exec", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("Id").asText();
    }

    @Test
    void attachedExecStreamsStdoutAndStderrAndRecordsTheExitCode() throws Exception {
        String c = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String id = create(c, Map.of("Cmd", List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                "AttachStdout", true, "AttachStderr", true));

        JsonNode before = api.request("GET", "/exec/" + id + "/json").json();
        assertFalse(before.path("Running").asBoolean());
        assertTrue(before.path("ExitCode").isNull(), "ExitCode is null until it has run: " + before);
        assertEquals(0, before.path("Pid").asLong());
        assertEquals(c, before.path("ContainerID").asText());
        assertEquals("sh", before.path("ProcessConfig").path("entrypoint").asText());
        assertEquals("[\"-c\",\"echo out; echo err >&2; exit 3\"]",
                before.path("ProcessConfig").path("arguments").toString());
        assertFalse(before.path("ProcessConfig").has("user"), "omitempty, as moby writes it: " + before);
        assertTrue(before.path("OpenStdout").asBoolean() && !before.path("OpenStdin").asBoolean());
        assertEquals("", before.path("DetachKeys").asText());

        List<Api.Frame> frames = api.frames("POST", "/exec/" + id + "/start", Map.of("Detach", false));
        assertTrue(frames.contains(new Api.Frame(1, "out\n")), frames.toString());
        assertTrue(frames.contains(new Api.Frame(2, "err\n")), frames.toString());

        JsonNode after = api.request("GET", "/exec/" + id + "/json").json();
        assertEquals(3, after.path("ExitCode").asInt(), after.toString());
        assertFalse(after.path("Running").asBoolean());
        assertTrue(after.path("Pid").asLong() > 0);
        assertEquals(409, api.post("/exec/" + id + "/start", Map.of("Detach", true)).status(), "an exec runs once");
        assertEquals(200, api.request("POST", "/exec/" + id + "/resize?h=40&w=100").status(),
                "a non-TTY exec has no terminal to resize, and Docker answers 200");
        assertEquals(404, api.request("GET", "/exec/" + "0".repeat(64) + "/json").status());
        Api.Response badKeys = api.post("/containers/" + c + "/exec", Map.of("Cmd", List.of("sh"), "Tty", true,
                "DetachKeys", "ctrl-"));
        assertEquals(400, badKeys.status(), "invalid detach keys are refused at create");
        assertTrue(badKeys.json().path("message").asText().contains("Invalid escape keys"), badKeys.body());
    }

    @Test
    void aMissingExecutableEndsWith127AndTheRuntimesMessage() throws Exception {
        String c = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String id = create(c, Map.of("Cmd", List.of("no-such-command"), "AttachStdout", true, "AttachStderr", true));
        List<Api.Frame> frames = api.frames("POST", "/exec/" + id + "/start", Map.of());
        assertTrue(frames.toString().contains("executable file not found"), frames.toString());
        assertEquals(127, api.request("GET", "/exec/" + id + "/json").json().path("ExitCode").asInt());
    }

    @Test
    void holdfastExecPrintsOutputAndExitsWithTheCode() throws Exception {
        cli.ok("run", "-d", "--name", "exec-cli", "busybox", "sleep", "1000");
        Cli.Result result = cli.run("exec", "exec-cli", "sh", "-c", "echo hi; echo oops >&2; exit 5");
        assertEquals(5, result.exitCode(), result.err());
        assertEquals("hi", result.line());
        assertTrue(result.err().contains("oops"), result.err());

        assertEquals("1 /bin 65534:65534", cli.ok("exec", "-e", "A=1", "-w", "/bin", "-u", "65534:65534",
                "exec-cli", "sh", "-c", "echo $A $(pwd) $(id -u):$(id -g)"));
        cli.ok("exec", "exec-cli", "sh", "-c",
                "mkdir -p /etc && echo 'app:x:1234:2345::/:/bin/sh' > /etc/passwd && echo 'extra:x:777:app' > /etc/group");
        assertEquals("1234 2345 2345 777", cli.ok("exec", "-u", "app", "exec-cli", "sh", "-c",
                "echo $(id -u) $(id -g) $(id -G)"), "a name from the container's own passwd and group files");
        Cli.Result unknown = cli.run("exec", "-u", "nobody-here", "exec-cli", "true");
        assertEquals(126, unknown.exitCode(), unknown.err() + unknown.out());

        assertEquals("", cli.ok("exec", "-d", "exec-cli", "sh", "-c", "echo detached > /tmp/marker"));
        Await.until("the detached exec to write its marker", SHORT,
                () -> cli.run("exec", "exec-cli", "cat", "/tmp/marker").out().strip().equals("detached"));
    }

    @Test
    void execInAContainerThatIsNotRunningIsRefusedWith409() throws Exception {
        String c = cli.ok("create", "busybox", "sleep", "1000");
        Api.Response refused = api.post("/containers/" + c + "/exec", Map.of("Cmd", List.of("true")));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("Container " + c + " is not running", refused.json().path("message").asText());
        Cli.Result viaCli = cli.run("exec", c, "true");
        assertEquals(1, viaCli.exitCode());
        assertTrue(viaCli.err().contains("is not running"), viaCli.err());
    }

    @Test
    void stockDockerClisExecAndGetTheExitCode() throws Exception {
        cli.ok("run", "-d", "--name", "exec-docker", "busybox", "sleep", "1000");
        for (String docker : List.of("/usr/bin/docker", "/usr/local/bin/docker")) {
            if (!Files.isExecutable(Path.of(docker))) {
                throw new AssertionError(docker + " is missing; the docker clients are part of the test machine");
            }
            DockerResult result = docker(docker, "exec", "exec-docker", "sh", "-c", "echo from $0; echo warn >&2; exit 6");
            assertEquals(6, result.code(), docker + ": " + result.err());
            assertEquals("from sh", result.out().strip(), docker);
            assertTrue(result.err().contains("warn"), docker + ": " + result.err());
            DockerResult missing = docker(docker, "exec", "exec-docker", "no-such-command");
            assertEquals(127, missing.code(), docker + ": " + missing.out() + missing.err());
            assertEquals(0, docker(docker, "exec", "-d", "exec-docker", "true").code(), docker);
        }
    }

    @Test
    void dockerSdkForPythonExecRunGetsOutputAndExitCode() throws Exception {
        cli.ok("run", "-d", "--name", "exec-sdk", "busybox", "sleep", "1000");
        String script = String.join("\n",
                "import docker",
                "c = docker.DockerClient(base_url='" + engine.host() + "', version='1.41')",
                "ct = c.containers.get('exec-sdk')",
                "r = ct.exec_run(['sh', '-c', 'echo out; echo err >&2; exit 3'], demux=True)",
                "print(r.exit_code, r.output[0].decode().strip(), r.output[1].decode().strip())",
                "r = ct.exec_run('env', environment={'A': '1'}, workdir='/tmp', user='1000:1000')",
                "print(r.exit_code, 'A=1' in r.output.decode().split())");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("3 out err\n0 True", out.strip(), "the first bytes too: the exec starts once the client has its 101");
    }

    private record DockerResult(int code, String out, String err) {
    }

    private static DockerResult docker(String binary, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(binary));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("DOCKER_HOST", engine.host());
        builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        Path err = Files.createTempFile(dockerConfig, "docker", ".err");
        Process p = builder.redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(binary + " " + String.join(" ", args) + " did not finish");
        }
        return new DockerResult(p.exitValue(), out, Files.readString(err));
    }
}
