package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's security defaults, seen from inside real containers: the default seccomp
 * profile (filter mode, namespace and mount calls refused with EPERM, re-allowed by CAP_SYS_ADMIN), seccomp=unconfined,
 * a custom profile, a bad profile refused at create, a private cgroup namespace, and a container that an engine
 * without seccomp started, restored as it ran.
 */
@ExtendWith(EngineExtension.class)
class SecurityDefaultsTest {
    /** crun 1.8 cannot start containers on hybrid cgroup hosts like the test machines (notes: spike-facts). */
    private static final List<String> RUNTIMES = List.of("runc");
    private static Engine engine;
    private static Cli cli;
    private static Api api;

    @BeforeAll
    static void useEngine(Engine shared) {
        engine = shared;
        cli = shared.cli();
        api = shared.api();
    }

    /** Runs {@code script} in a foreground {@code run --rm} under {@code runtime}; returns what it printed. */
    private static String inside(String runtime, List<String> options, String script) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--runtime", runtime));
        args.addAll(options);
        args.addAll(List.of("busybox", "sh", "-c", script));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), "holdfast " + args + ": " + result.err() + result.out());
        return result.out().strip();
    }

    @Test
    void seccompFiltersByDefaultAndNotWhenUnconfined() throws Exception {
        for (String runtime : RUNTIMES) {
            assertEquals("Seccomp:\t2", inside(runtime, List.of(), "grep '^Seccomp:' /proc/self/status"), runtime);
            assertEquals("Seccomp:\t0", inside(runtime, List.of("--security-opt", "seccomp=unconfined"),
                    "grep '^Seccomp:' /proc/self/status"), runtime);
        }
    }

    @Test
    void unshareIsRefusedWithEpermByDefaultAndAllowedWithSysAdmin() throws Exception {
        for (String runtime : RUNTIMES) {
            // -U needs no capability at all: only the filter stops it
            String user = inside(runtime, List.of(), "unshare -U true 2>&1; echo status=$?");
            assertTrue(user.contains("Operation not permitted") && user.endsWith("status=1"), runtime + ": " + user);
            String mount = inside(runtime, List.of(), "unshare -m true 2>&1; echo status=$?");
            assertTrue(mount.contains("Operation not permitted") && mount.endsWith("status=1"), runtime + ": " + mount);
            assertEquals("status=0", inside(runtime, List.of("--cap-add", "SYS_ADMIN"), "unshare -m true; echo status=$?"),
                    runtime + ": CAP_SYS_ADMIN re-allows unshare, as in Docker");
            assertEquals("status=0", inside(runtime, List.of("--security-opt", "seccomp=unconfined"),
                    "unshare -U true; echo status=$?"), runtime + ": unconfined");
        }
    }

    @Test
    void aCustomProfileIsHonouredAndShownByInspect(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("no-mkdir.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}
                """);
        for (String runtime : RUNTIMES) {
            String out = inside(runtime, List.of("--security-opt", "seccomp=" + profile),
                    "mkdir /tmp/x 2>&1; echo status=$?; touch /tmp/y && echo touched");
            assertTrue(out.contains("Permission denied") && out.contains("status=1") && out.endsWith("touched"),
                    runtime + ": " + out);
        }
        String id = cli.ok("create", "--security-opt", "seccomp=" + profile, "--security-opt", "no-new-privileges",
                "busybox", "true");
        try {
            JsonNode securityOpt = api.inspect(id).path("HostConfig").path("SecurityOpt");
            assertEquals("no-new-privileges", securityOpt.get(0).asText());
            assertTrue(securityOpt.get(1).asText().startsWith("seccomp={\"defaultAction\": \"SCMP_ACT_ALLOW\""),
                    securityOpt.toString());
        } finally {
            cli.ok("rm", id);
        }
        String unconfined = cli.ok("create", "--security-opt", "seccomp=unconfined", "busybox", "true");
        try {
            assertEquals("[\"seccomp=unconfined\"]",
                    api.inspect(unconfined).path("HostConfig").path("SecurityOpt").toString());
        } finally {
            cli.ok("rm", unconfined);
        }
    }

    @Test
    void theDockerCliSendsAProfileFilesContentAndItIsHonoured(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("no-mkdir.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}
                """);
        DockerCli docker = DockerCli.of(engine);
        DockerCli.Result result = docker.run("run", "--rm", "--security-opt", "seccomp=" + profile, "busybox", "sh",
                "-c", "grep '^Seccomp:' /proc/self/status; mkdir /tmp/x 2>&1; echo status=$?");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Seccomp:\t2") && result.out().contains("Permission denied")
                && result.out().strip().endsWith("status=1"), result.toString());
        assertEquals("Seccomp:\t0", docker.ok("run", "--rm", "--security-opt", "seccomp=unconfined", "busybox", "grep",
                "^Seccomp:", "/proc/self/status"));
    }

    @Test
    void aBadProfileIsRefusedAtCreateNamingTheProblem() throws Exception {
        Api.Response response = api.post("/containers/create", Map.of("Image", "busybox", "HostConfig",
                Map.of("SecurityOpt", List.of("seccomp={\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": "
                        + "[{\"names\": [\"read\"], \"action\": \"SCMP_ACT_MAYBE\"}]}"))));
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("seccomp profile: syscalls[0].action unknown action \\\"SCMP_ACT_MAYBE\\\""),
                response.body());
        Api.Response notJson = api.post("/containers/create", Map.of("Image", "busybox", "HostConfig",
                Map.of("SecurityOpt", List.of("seccomp={\"defaultAction\""))));
        assertEquals(400, notJson.status(), notJson.body());
        assertTrue(notJson.body().contains("seccomp profile is not valid JSON"), notJson.body());
        Api.Response path = api.post("/containers/create", Map.of("Image", "busybox", "HostConfig",
                Map.of("SecurityOpt", List.of("seccomp=/etc/profile.json"))));
        assertEquals(400, path.status(), path.body());
        assertTrue(path.body().contains("profile's JSON content"), path.body());
        assertEquals("[]", api.request("GET", "/containers/json?all=1").body().strip(), "nothing was created");
    }

    @Test
    void theContainerHasACgroupNamespaceOfItsOwn() throws Exception {
        for (String runtime : RUNTIMES) {
            String cgroups = inside(runtime, List.of(), "cat /proc/self/cgroup");
            // in a private cgroup namespace the container's own cgroup is the root of every hierarchy
            assertTrue(cgroups.lines().allMatch(line -> line.endsWith(":/")), runtime + ":\n" + cgroups);
        }
    }

    @Test
    void aContainerStartedWithoutSeccompByAnOlderEngineIsRestoredAsItRan(Engine own) throws Exception {
        Cli ownCli = own.cli();
        Api ownApi = own.api();
        String id = ownCli.ok("run", "-d", "--security-opt", "seccomp=unconfined", "busybox", "sleep", "1000");
        long pid = ownApi.pid(id);
        own.kill9();
        // the record as an engine before seccomp support wrote it: no "seccomp" in the spec's security options
        Path state = own.dataRoot().resolve("containers").resolve(id).resolve("state.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode record = (ObjectNode) json.readTree(state.toFile());
        ((ObjectNode) record.path("spec").path("security")).remove("seccomp");
        Files.write(state, json.writeValueAsBytes(record));
        own.start();
        assertEquals("adopted", RestoreReportJson.report(ownApi).outcome(id));
        assertEquals(pid, ownApi.pid(id), "the same process");
        assertEquals("Seccomp:\t0", ownCli.ok("exec", id, "grep", "^Seccomp:", "/proc/1/status"),
                "the running container is not changed by the restore");
        // the record reads as the default profile: the next start applies it, as Docker does after an upgrade
        ownCli.ok("restart", "-t", "0", id);
        assertEquals("Seccomp:\t2", ownCli.ok("exec", id, "grep", "^Seccomp:", "/proc/1/status"));
        ownCli.ok("rm", "-f", id);
    }
}
