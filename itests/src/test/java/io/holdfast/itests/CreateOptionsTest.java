package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every create option reaches the container: each test runs a container with the option through the CLI
 * ({@code holdfast run --rm}, foreground) and checks from inside it (its uid, its cwd, its mounts, its cgroup).
 * One engine serves them all; bind sources are temporary directories each test makes and removes.
 */
@ExtendWith(EngineExtension.class)
class CreateOptionsTest {
    private static Engine engine;
    private static Cli cli;
    private static Api api;
    private final List<Path> temporary = new ArrayList<>();

    @BeforeAll
    static void useEngine(Engine shared) throws Exception {
        engine = shared;
        cli = engine.cli();
        api = engine.api();
        importImageWithAccounts();
    }

    /** busybox plus an /etc/passwd and /etc/group, as "accounts:latest". */
    private static void importImageWithAccounts() throws Exception {
        Path dir = Files.createDirectories(engine.root().resolve("accounts-image"));
        BusyboxImage.tarball(dir);
        Path etc = Files.createDirectories(dir.resolve("busybox-rootfs/etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:1000:\nstaff:x:50:app\n");
        Path tar = dir.resolve("accounts.tar");
        Process p = new ProcessBuilder("tar", "-C", dir.resolve("busybox-rootfs").toString(), "-cf", tar.toString(),
                ".").inheritIO().start();
        assertEquals(0, p.waitFor());
        cli.ok("image", "import", tar.toString(), "accounts:latest");
    }

    @AfterEach
    void removeTemporaryDirectories() throws IOException {
        for (Path dir : temporary) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path temporaryDirectory() throws IOException {
        Path dir = Files.createTempDirectory("hf-create-it");
        temporary.add(dir);
        return dir;
    }

    /** Runs {@code script} in a foreground {@code run --rm} with {@code options}; returns what it printed. */
    private static String inside(List<String> options, String script) throws Exception {
        return inside(options, "busybox", script);
    }

    private static String inside(List<String> options, String image, String script) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(options);
        args.addAll(List.of(image, "sh", "-c", script));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), "holdfast " + args + ": " + result.err() + result.out());
        return result.out().strip();
    }

    @Test
    void numericUserAndGroupRunTheProcess() throws Exception {
        assertEquals("1000 1000", inside(List.of("-u", "1000:1000"), "echo $(id -u) $(id -g)"));
        assertEquals("4242 0", inside(List.of("--user", "4242"), "echo $(id -u) $(id -g)"));
    }

    @Test
    void userNamesAreResolvedInTheContainersOwnAccountFiles() throws Exception {
        assertEquals("1000 1000 1000 50", inside(List.of("-u", "app"), "accounts:latest",
                "echo $(id -u) $(id -g) $(id -G)"));
        assertEquals("1000 50", inside(List.of("-u", "app:staff"), "accounts:latest", "echo $(id -u) $(id -g)"));
        Cli.Result unknown = cli.run("run", "--rm", "-u", "nobody", "accounts:latest", "true");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("unable to find user nobody: no matching entries in passwd file"),
                unknown.err());
    }

    @Test
    void workingDirectoryAndEntrypoint() throws Exception {
        assertEquals("/tmp", inside(List.of("-w", "/tmp"), "pwd"));
        Cli.Result echoed = cli.run("run", "--rm", "--entrypoint", "/bin/echo", "busybox", "from", "entrypoint");
        assertEquals("from entrypoint", echoed.line(), echoed.err());
    }

    @Test
    void bindMountsShowHostContentAndReadOnlyRefusesWrites() throws Exception {
        Path dir = temporaryDirectory();
        Files.writeString(dir.resolve("hello.txt"), "from the host\n");
        assertEquals("from the host", inside(List.of("-v", dir + ":/data"),
                "cat /data/hello.txt; echo written > /data/out"));
        assertEquals("written\n", Files.readString(dir.resolve("out")), "a rw bind writes through to the host");
        assertEquals("from the host\nrefused", inside(List.of("-v", dir + ":/data:ro"),
                "cat /data/hello.txt; touch /data/nope 2>/dev/null && echo wrote || echo refused"));
        assertTrue(Files.notExists(dir.resolve("nope")));
        assertEquals("from the host\nrefused", inside(List.of("--mount", "type=bind,source=" + dir
                + ",target=/m,readonly"), "cat /m/hello.txt; touch /m/nope 2>/dev/null && echo wrote || echo refused"));
    }

    @Test
    void missingBindSourceIsRefusedAtCreate() throws Exception {
        Path missing = temporaryDirectory().resolve("not-there");
        Cli.Result result = cli.run("create", "-v", missing + ":/data", "busybox", "true");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains("bind source path does not exist: " + missing), result.err());
    }

    @Test
    void tmpfsMountsAreMountedWithTheirOptions() throws Exception {
        String mounts = inside(List.of("--tmpfs", "/run:size=1m", "--mount", "type=tmpfs,target=/scratch,tmpfs-size=2m"),
                "grep -E ' /(run|scratch) ' /proc/mounts");
        assertTrue(mounts.contains("tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k"), mounts);
        assertTrue(mounts.contains("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=2048k"), mounts);
    }

    @Test
    void readOnlyRootfsRefusesWritesButTmpfsStaysWritable() throws Exception {
        assertEquals("refused\nok", inside(List.of("--read-only", "--tmpfs", "/tmp"),
                "touch /file 2>/dev/null && echo wrote || echo refused; touch /tmp/file && echo ok"));
    }

    @Test
    void capabilitiesFollowCapDropAndCapAdd() throws Exception {
        assertEquals("CapEff:\t0000000000000000", inside(List.of("--cap-drop", "ALL"), "grep CapEff /proc/self/status"));
        assertEquals("CapEff:\t0000000000001000", inside(List.of("--cap-drop", "ALL", "--cap-add", "NET_ADMIN"),
                "grep CapEff /proc/self/status"), "CAP_NET_ADMIN is bit 12");
        assertEquals("CapEff:\t00000000a80425fb", inside(List.of(), "grep CapEff /proc/self/status"),
                "Docker's default set");
        assertEquals("CapEff:\t00000000a80425fa", inside(List.of("--cap-drop", "chown"),
                "grep CapEff /proc/self/status"), "CAP_CHOWN is bit 0");
    }

    @Test
    void noNewPrivilegesIsOffByDefaultAsInDockerAndOnWhenAsked() throws Exception {
        assertEquals("NoNewPrivs:\t0", inside(List.of(), "grep NoNewPrivs /proc/self/status"));
        assertEquals("NoNewPrivs:\t1", inside(List.of("--security-opt", "no-new-privileges"),
                "grep NoNewPrivs /proc/self/status"));
    }

    /** The container sees its own cgroup; cgroup v1 and v2 name the files differently. */
    @Test
    void memoryCpuAndPidsLimitsAreInTheContainersCgroup() throws Exception {
        String limits = inside(List.of("-m", "64m", "--cpus", "0.5", "--pids-limit", "50"), """
                if [ -f /sys/fs/cgroup/memory.max ]; then
                  echo $(cat /sys/fs/cgroup/memory.max) $(cat /sys/fs/cgroup/cpu.max) $(cat /sys/fs/cgroup/pids.max)
                else
                  echo $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes) $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) \
                       $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us) $(cat /sys/fs/cgroup/pids/pids.max)
                fi""");
        assertEquals("67108864 50000 100000 50", limits);
    }

    /** The API's finer CPU and swap fields; on cgroup v2 runc converts shares to a weight and swap to swap alone. */
    @Test
    void cpuSharesQuotaPeriodAndSwapThroughTheApi() throws Exception {
        Api.Response created = api.post("/containers/create", Map.of("Image", "busybox", "Cmd", List.of("sh", "-c", """
                if [ -f /sys/fs/cgroup/cpu.max ]; then
                  echo $(cat /sys/fs/cgroup/cpu.weight) $(cat /sys/fs/cgroup/cpu.max) $(cat /sys/fs/cgroup/memory.swap.max)
                else
                  echo $(cat /sys/fs/cgroup/cpu/cpu.shares) $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) \
                       $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us) $(cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes)
                fi"""), "HostConfig", Map.of("CpuShares", 512, "CpuQuota", 25_000, "CpuPeriod", 50_000,
                "Memory", 64L << 20, "MemorySwap", 96L << 20)));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("Id").asText();
        cli.ok("start", id);
        assertEquals("0", cli.ok("wait", id));
        String line = api.logLines(id, "").get(0);
        assertTrue(line.equals("512 25000 50000 100663296") || line.equals("20 25000 50000 33554432"), line);
        cli.ok("rm", id);
    }

    @Test
    void hostnameExtraHostsAndDnsAreTheContainersOwn() throws Exception {
        String names = inside(List.of("-h", "web", "--add-host", "db.internal:10.9.8.7", "--dns", "10.9.8.1"),
                "hostname; cat /etc/hostname; grep db.internal /etc/hosts; cat /etc/resolv.conf");
        assertEquals(List.of("web", "web", "10.9.8.7\tdb.internal", "nameserver 10.9.8.1"),
                names.lines().filter(l -> !l.startsWith("search") && !l.startsWith("options")).toList());
    }

    @Test
    void dnsSearchAndOptionsThroughTheApi() throws Exception {
        Api.Response created = api.post("/containers/create", Map.of("Image", "busybox",
                "Cmd", List.of("cat", "/etc/resolv.conf", "/proc/sys/kernel/domainname"), "Domainname", "example.org",
                "HostConfig", Map.of("Dns", List.of("10.9.8.1"), "DnsSearch", List.of("a.example"),
                        "DnsOptions", List.of("ndots:3"))));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("Id").asText();
        cli.ok("start", id);
        assertEquals("0", cli.ok("wait", id));
        assertEquals(List.of("nameserver 10.9.8.1", "search a.example", "options ndots:3", "example.org"),
                api.logLines(id, ""));
        cli.ok("rm", id);
    }

    @Test
    void initRunsAsPidOneInFrontOfTheCommand() throws Exception {
        assertEquals("/sbin/docker-init not-1", inside(List.of("--init"),
                "echo $(readlink /proc/1/exe) $([ $$ = 1 ] && echo 1 || echo not-1)"));
        assertEquals("/bin/busybox 1", inside(List.of(), "echo $(readlink /proc/1/exe) $([ $$ = 1 ] && echo 1 || echo not-1)"));
    }

    @Test
    void ulimitsAreSet() throws Exception {
        assertEquals("100 200", inside(List.of("--ulimit", "nofile=100:200"), "echo $(ulimit -n) $(ulimit -Hn)"));
    }

    @Test
    void stopSendsTheStopSignal() throws Exception {
        String id = cli.ok("run", "-d", "--stop-signal", "USR1", "busybox", "sh", "-c", Cue.trap("USR1", "exit 9")
                + "while true; do sleep 0.1; done");
        Cue.awaitTrap(api, id);
        cli.ok("stop", "-t", "60", id); // a TERM would be ignored by pid 1 and cost the whole minute
        assertEquals(9, api.inspect(id).path("State").path("ExitCode").asInt());
        assertEquals("USR1", api.inspect(id).path("Config").path("StopSignal").asText());
        cli.ok("rm", id);
    }

    @Test
    void hardeningCreateIsEnforcedInsideTheContainer() throws Exception {
        String out = inside(List.of("-u", "1000:1000", "--cap-drop", "ALL", "--read-only",
                        "--security-opt", "no-new-privileges"),
                "id -u; grep -E 'Cap(Eff|Prm|Bnd)|NoNewPrivs' /proc/self/status | tr -d '\\t'; "
                        + "touch /x 2>/dev/null && echo wrote || echo read-only");
        assertEquals(List.of("1000", "CapPrm:0000000000000000", "CapEff:0000000000000000",
                "CapBnd:0000000000000000", "NoNewPrivs:1", "read-only"), out.lines().toList());
    }

    @Test
    void unsupportedFieldsAreRefusedByName() throws Exception {
        for (var refusal : Map.of(
                Map.of("PortBindings", Map.of("80/sctp", List.of(Map.of("HostPort", "8080")))),
                "HostConfig.PortBindings.80/sctp: port protocol \"sctp\": expected tcp or udp",
                Map.of("PidMode", "host"), "HostConfig.PidMode: sharing another PID namespace is not supported",
                Map.of("SecurityOpt", List.of("apparmor=unconfined")),
                "HostConfig.SecurityOpt: \"apparmor=unconfined\" is not supported",
                Map.of("Devices", List.of(Map.of("PathOnHost", "dev/fuse", "PathInContainer", "/dev/fuse",
                        "CgroupPermissions", "rwm"))), "device \"dev/fuse:/dev/fuse\": both paths must be absolute",
                Map.of("BlkioWeight", 300), "HostConfig.BlkioWeight: not supported").entrySet()) {
            Api.Response response = api.post("/containers/create", Map.of("Image", "busybox", "Cmd", List.of("true"),
                    "HostConfig", refusal.getKey()));
            assertEquals(400, response.status(), response.body());
            assertTrue(response.json().path("message").asText().startsWith(refusal.getValue()), response.body());
        }
        Api.Response exposed = api.post("/containers/create", Map.of("Image", "busybox",
                "ExposedPorts", Map.of("http/tcp", Map.of())));
        assertEquals(400, exposed.status());
        assertTrue(exposed.json().path("message").asText().startsWith("ExposedPorts.http/tcp: \"http/tcp\": "
                + "expected PORT[/tcp|udp]"), exposed.body());
    }

    /** The stock docker CLI at {@code binary} (Debian's or the newer one), pointed at this engine. */
    private DockerCli.Result docker(String binary, String... args) throws Exception {
        DockerCli debian = DockerCli.of(engine);
        DockerCli client = binary.equals(DockerCli.NEWER.toString())
                ? debian.newer().orElseThrow(() -> new AssertionError(binary + " is not installed")) : debian;
        return client.run(args);
    }

    @Test
    void stockDockerClisCreateWithTheirDefaultFieldsAccepted() throws Exception {
        for (String docker : List.of("/usr/bin/docker", "/usr/local/bin/docker")) {
            DockerCli.Result plain = docker(docker, "create", "busybox", "true");
            assertEquals(0, plain.exitCode(), docker + ": " + plain.err());
            cli.ok("rm", plain.line());
            DockerCli.Result options = docker(docker, "create", "-u", "1000:1000", "-w", "/tmp", "--read-only",
                    "--cap-drop", "ALL", "-m", "64m", "--cpus", "0.5", "--pids-limit", "50", "--init", "-l", "a=b",
                    "-h", "web", "--add-host", "db:10.0.0.5", "--dns", "10.0.0.1", "--dns-search", "example.org",
                    "--dns-option", "ndots:2", "--tmpfs", "/run", "--ulimit", "nofile=100:200", "--stop-signal", "USR1",
                    "--security-opt", "no-new-privileges", "busybox", "true");
            assertEquals(0, options.exitCode(), docker + ": " + options.err());
            var inspect = api.inspect(options.line());
            assertEquals("1000:1000", inspect.path("Config").path("User").asText());
            assertEquals("/tmp", inspect.path("Config").path("WorkingDir").asText());
            assertEquals("b", inspect.path("Config").path("Labels").path("a").asText());
            assertEquals(64L << 20, inspect.path("HostConfig").path("Memory").asLong());
            assertEquals(500_000_000L, inspect.path("HostConfig").path("NanoCpus").asLong());
            assertEquals(50, inspect.path("HostConfig").path("PidsLimit").asLong());
            assertTrue(inspect.path("HostConfig").path("Init").asBoolean());
            assertTrue(inspect.path("HostConfig").path("ReadonlyRootfs").asBoolean());
            assertEquals("[\"ALL\"]", inspect.path("HostConfig").path("CapDrop").toString());
            assertEquals("[\"ndots:2\"]", inspect.path("HostConfig").path("DnsOptions").toString());
            cli.ok("rm", options.line());
        }
    }

    @Test
    void hardeningCreateThroughTheStockDockerCliIsEnforcedInside() throws Exception {
        DockerCli.Result created = docker("/usr/bin/docker", "create", "--user", "1000:1000", "--cap-drop", "ALL",
                "--read-only", "busybox", "sh", "-c", "id -u; grep -E 'Cap(Eff|Bnd)' /proc/self/status | tr -d '\\t';"
                        + " touch /x 2>/dev/null && echo wrote || echo read-only");
        assertEquals(0, created.exitCode(), created.err());
        String id = created.line();
        DockerCli.Result started = docker("/usr/bin/docker", "start", id);
        assertEquals(0, started.exitCode(), started.err());
        assertEquals("0", cli.ok("wait", id));
        assertEquals(List.of("1000", "CapEff:0000000000000000", "CapBnd:0000000000000000", "read-only"),
                api.logLines(id, ""));
        cli.ok("rm", id);
    }

    @Test
    void hostDevicesReachTheContainerWithTheirCgroupPermissions() throws Exception {
        // /dev/kmsg (1,11) is not among the runtime's default devices: only its own rule lets the container at it,
        // and that rule allows reading only (CAP_SYSLOG for the kernel's own check), so the read works and the
        // write is refused at open: nothing reaches the host's log
        DockerCli.Result device = docker("/usr/bin/docker", "run", "--rm", "--device", "/dev/null:/dev/mynull:rw",
                "--device", "/dev/kmsg:/dev/mykmsg:r", "--cap-add", "SYSLOG", "busybox", "sh", "-c",
                "stat -c '%t,%T' /dev/mynull /dev/mykmsg; echo x > /dev/mynull && echo written;"
                        + " head -c 1 /dev/mykmsg > /dev/null && echo readable;"
                        + " echo x 2>/dev/null > /dev/mykmsg || echo refused");
        assertEquals(0, device.exitCode(), device.toString());
        assertEquals(List.of("1,3", "1,b", "written", "readable", "refused"), device.lines(),
                "the host's numbers; the cgroup allows writing only where asked");
        DockerCli.Result missing = docker("/usr/bin/docker", "run", "--rm", "--device", "/dev/no-such-device",
                "busybox", "true");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("device /dev/no-such-device: no such file on the host"), missing.err());
    }

    @Test
    void privilegedGetsEveryCapabilityTheHostsDevicesAndMayMount() throws Exception {
        String hostBounding = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).strip();
        DockerCli.Result privileged = docker("/usr/bin/docker", "run", "--rm", "--privileged", "busybox", "sh", "-c",
                "grep CapEff /proc/self/status; test -c /dev/kmsg && echo has-kmsg;"
                        + " mkdir /m && mount -t tmpfs none /m && echo mounted");
        assertEquals(0, privileged.exitCode(), privileged.toString());
        assertEquals(List.of("CapEff:\t" + hostBounding, "has-kmsg", "mounted"), privileged.lines());
        DockerCli.Result plain = docker("/usr/bin/docker", "run", "--rm", "busybox", "sh", "-c",
                "test -e /dev/kmsg && echo has-kmsg; mkdir /m && mount -t tmpfs none /m 2>/dev/null && echo mounted;"
                        + " true");
        assertEquals("", plain.out().strip(), "without it: neither");
    }

    @Test
    void stockDockerCliShowsTheRefusalNamingTheField() throws Exception {
        DockerCli.Result published = docker("/usr/local/bin/docker", "create", "-p", "8080:80/sctp", "busybox",
                "true");
        assertNotEquals(0, published.exitCode(), published.err());
        assertTrue(published.err().contains("HostConfig.PortBindings.80/sctp: port protocol \"sctp\": expected tcp"
                + " or udp"), published.err());
        DockerCli.Result hostPid = docker("/usr/bin/docker", "create", "--pid", "host", "busybox", "true");
        assertNotEquals(0, hostPid.exitCode(), hostPid.err());
        assertTrue(hostPid.err().contains("HostConfig.PidMode: sharing another PID namespace is not supported"),
                hostPid.err());
    }

    /**
     * A restart by policy after an engine restart runs with the container's options: the record read back from
     * disk carries them. The first run ends on its cue while the engine is down; the restarted run writes its uid
     * into the bind-mounted directory.
     */
    @Test
    void optionsSurviveAnEngineRestartAndARestartByPolicy(Engine own, Cli ownCli, Api ownApi) throws Exception {
        Path dir = temporaryDirectory();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        String id = ownCli.ok("run", "-d", "--restart", "on-failure:3", "-u", "1000:1000", "-v", dir + ":/data",
                "--read-only", "-m", "64m", "busybox", "sh", "-c",
                "id -u >> /data/runs; if [ ! -f /data/first ]; then touch /data/first; " + Cue.untilCue()
                        + "exit 5; fi; exec sleep 1000");
        io.holdfast.itests.support.Await.until("the first run to start", java.time.Duration.ofSeconds(60),
                () -> Files.exists(dir.resolve("first")));
        Cue.endWhileEngineIsDown(own, id);
        own.start();
        io.holdfast.itests.support.Await.until("the restart by policy", java.time.Duration.ofSeconds(60),
                () -> ownApi.inspect(id).path("State").path("Running").asBoolean()
                        && Files.readString(dir.resolve("runs")).lines().count() == 2);
        assertEquals(List.of("1000", "1000"), Files.readString(dir.resolve("runs")).lines().toList());
        assertEquals(1, ownApi.inspect(id).path("RestartCount").asInt());
        assertEquals("1000:1000", ownApi.inspect(id).path("Config").path("User").asText());
        assertEquals(List.of(dir + ":/data"), List.of(ownApi.inspect(id).path("HostConfig").path("Binds").get(0)
                .asText()));
        ownCli.ok("rm", "-f", id);
    }
}
