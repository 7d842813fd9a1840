package io.holdfast.supervisor.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.DeviceMapping;
import io.holdfast.spi.container.HostAccess;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.container.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciSpecTest {
    private static final String ID = "0123456789ab" + "c".repeat(52);
    private static final ContainerFiles FILES = new ContainerFiles("/b/hosts", "/b/hostname", "/b/resolv.conf");

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.isTextual() || n.isNumber() ? n.asText() : n.path("type").asText()));
        return values;
    }

    private static ContainerSpec plain(List<String> args, List<String> env) {
        return new ContainerSpec(null, "busybox", args, env, null, false, "bridge", "runc", 10);
    }

    private static ContainerSpec with(ProcessOptions process, NamingOptions naming, List<MountSpec> mounts,
                                      ResourceLimits resources, SecurityOptions security) {
        return new ContainerSpec(null, "busybox", List.of("sleep", "1"), List.of(), null, false, "bridge", "runc", 10,
                process, naming, mounts, resources, security, Map.of("a", "b"));
    }

    private static JsonNode build(ContainerSpec spec) {
        return OciSpec.build(new OciSpec.Input(ID, "/rootfs", spec, ResolvedUser.ROOT, null, false, FILES));
    }

    private static JsonNode spec(List<String> args, List<String> env, String netns) {
        return OciSpec.build(new OciSpec.Input(ID, "/rootfs", plain(args, env), ResolvedUser.ROOT, netns, false,
                FILES));
    }

    private static JsonNode mountAt(JsonNode spec, String destination) {
        for (JsonNode mount : spec.path("mounts")) {
            if (mount.path("destination").asText().equals(destination)) {
                return mount;
            }
        }
        throw new AssertionError("no mount at " + destination + " in " + spec.path("mounts"));
    }

    @Test
    void hasDockersIsolationDefaults() {
        JsonNode spec = spec(List.of("sleep", "1"), List.of(), null);
        assertEquals(withCgroup("pid", "ipc", "uts", "mount", "network"), texts(spec.path("linux").path("namespaces")));
        assertEquals("SCMP_ACT_ERRNO", spec.path("linux").path("seccomp").path("defaultAction").asText(),
                "the default seccomp profile");
        assertFalse(spec.path("linux").path("namespaces").get(4).has("path"), "a new network namespace");
        assertEquals(OciSpec.DEFAULT_CAPABILITIES, texts(spec.path("process").path("capabilities").path("bounding")));
        assertEquals(14, OciSpec.DEFAULT_CAPABILITIES.size());
        assertFalse(spec.path("process").path("noNewPrivileges").asBoolean(), "Docker's default: setuid works");
        assertEquals(OciSpec.MASKED_PATHS, texts(spec.path("linux").path("maskedPaths")));
        assertEquals(OciSpec.READONLY_PATHS, texts(spec.path("linux").path("readonlyPaths")));
        assertEquals("/holdfast-" + ID, spec.path("linux").path("cgroupsPath").asText());
        assertFalse(spec.path("process").path("terminal").asBoolean(), "conmon holds plain pipes, not a tty");
        assertFalse(spec.path("root").path("readonly").asBoolean());
        assertEquals("/", spec.path("process").path("cwd").asText());
        assertEquals(0, spec.path("process").path("user").path("uid").asInt());
        assertFalse(spec.path("process").has("rlimits"));
        assertEquals(List.of("devices"), List.copyOf(iterable(spec.path("linux").path("resources").fieldNames())));
    }

    /** A private cgroup namespace wherever the kernel has cgroup namespaces. */
    private static List<String> withCgroup(String... namespaces) {
        List<String> expected = new ArrayList<>(List.of(namespaces));
        if (java.nio.file.Files.exists(OciSpec.CGROUP_NAMESPACE)) {
            expected.add("cgroup");
        }
        return expected;
    }

    @Test
    void anUnconfinedContainerHasNoSeccompFilterAndACustomProfileReplacesTheDefault() {
        JsonNode unconfined = build(with(null, null, null, null,
                new SecurityOptions(List.of(), List.of(), false, false, SecurityOptions.SECCOMP_UNCONFINED)));
        assertFalse(unconfined.path("linux").has("seccomp"));
        JsonNode custom = build(with(null, null, null, null, new SecurityOptions(List.of(), List.of(), false, false,
                "{\"defaultAction\": \"SCMP_ACT_LOG\"}")));
        assertEquals("SCMP_ACT_LOG", custom.path("linux").path("seccomp").path("defaultAction").asText());
        assertEquals(0, custom.path("linux").path("seccomp").path("syscalls").size());
        JsonNode sysAdmin = build(with(null, null, null, null,
                new SecurityOptions(List.of("SYS_ADMIN"), List.of(), false, false)));
        assertTrue(sysAdmin.path("linux").path("seccomp").toString().contains("\"unshare\""),
                "CAP_SYS_ADMIN re-allows unshare");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void processGetsCommandEnvironmentAndHostname() {
        JsonNode spec = spec(List.of("sh", "-c", "echo hi"), List.of("A=1"), null);
        assertEquals(List.of("sh", "-c", "echo hi"), texts(spec.path("process").path("args")));
        assertEquals(List.of(OciSpec.DEFAULT_PATH, "HOSTNAME=0123456789ab", "A=1"), texts(spec.path("process").path("env")));
        assertEquals("0123456789ab", spec.path("hostname").asText());
        assertEquals("/rootfs", spec.path("root").path("path").asText());
    }

    @Test
    void emptyCommandRunsAShellAndUserPathWins() {
        JsonNode spec = spec(List.of(), List.of("PATH=/bin"), null);
        assertEquals(List.of("/bin/sh"), texts(spec.path("process").path("args")));
        assertEquals(List.of("HOSTNAME=0123456789ab", "PATH=/bin"), texts(spec.path("process").path("env")));
    }

    @Test
    void hostNetworkMeansNoNetworkNamespace() {
        JsonNode spec = OciSpec.build(new OciSpec.Input(ID, "/rootfs", plain(List.of("true"), List.of()),
                ResolvedUser.ROOT, null, true, FILES));
        assertEquals(withCgroup("pid", "ipc", "uts", "mount"), texts(spec.path("linux").path("namespaces")));
    }

    @Test
    void joinsAGivenNetworkNamespaceAndBindsItsOwnNameFiles() {
        JsonNode spec = spec(List.of("true"), List.of(), "/run/netns/x");
        assertEquals("/run/netns/x", spec.path("linux").path("namespaces").get(4).path("path").asText());
        List<String> destinations = new ArrayList<>();
        spec.path("mounts").forEach(m -> destinations.add(m.path("destination").asText()));
        assertEquals(List.of("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm",
                "/etc/hosts", "/etc/hostname", "/etc/resolv.conf"), destinations);
        assertEquals("/b/resolv.conf", mountAt(spec, "/etc/resolv.conf").path("source").asText());
    }

    @Test
    void entrypointWorkingDirUserUlimitsAndInitShapeTheProcess() {
        ProcessOptions process = new ProcessOptions(List.of("/bin/sh", "-c"), "/srv", "app", "USR1", true,
                List.of(new Ulimit("nofile", 100, 200)));
        ContainerSpec spec = with(process, null, null, null, null);
        JsonNode oci = OciSpec.build(new OciSpec.Input(ID, "/rootfs", spec, new ResolvedUser(1000, 100, List.of(27L)),
                null, false, FILES));
        JsonNode p = oci.path("process");
        assertEquals(List.of("/sbin/docker-init", "--", "/bin/sh", "-c", "sleep", "1"), texts(p.path("args")));
        assertEquals("/srv", p.path("cwd").asText());
        assertEquals(1000, p.path("user").path("uid").asLong());
        assertEquals(100, p.path("user").path("gid").asLong());
        assertEquals(List.of("27"), texts(p.path("user").path("additionalGids")));
        JsonNode rlimit = p.path("rlimits").get(0);
        assertEquals("RLIMIT_NOFILE", rlimit.path("type").asText());
        assertEquals(100, rlimit.path("soft").asLong());
        assertEquals(200, rlimit.path("hard").asLong());
        JsonNode init = mountAt(oci, "/sbin/docker-init");
        assertEquals("/usr/bin/tini-static", init.path("source").asText());
        assertTrue(texts(init.path("options")).contains("ro"));
    }

    @Test
    void capabilitiesFollowDockersAddAndDropRules() {
        JsonNode dropAll = build(with(null, null, null, null,
                new SecurityOptions(List.of("net_admin"), List.of("ALL"), true, true)));
        assertEquals(List.of("CAP_NET_ADMIN"), texts(dropAll.path("process").path("capabilities").path("effective")));
        assertTrue(dropAll.path("root").path("readonly").asBoolean());
        assertTrue(dropAll.path("process").path("noNewPrivileges").asBoolean());

        JsonNode dropOne = build(with(null, null, null, null,
                new SecurityOptions(List.of("CAP_SYS_ADMIN"), List.of("chown"), false, false)));
        List<String> caps = texts(dropOne.path("process").path("capabilities").path("bounding"));
        assertFalse(caps.contains("CAP_CHOWN"));
        assertTrue(caps.contains("CAP_SYS_ADMIN"));
        assertEquals(OciSpec.DEFAULT_CAPABILITIES.size(), caps.size());

        JsonNode addAll = build(with(null, null, null, null,
                new SecurityOptions(List.of("ALL"), List.of("MKNOD"), false, false)));
        List<String> all = texts(addAll.path("process").path("capabilities").path("permitted"));
        assertEquals(40, all.size(), "every capability but the dropped one");
        assertFalse(all.contains("CAP_MKNOD"));
    }

    @Test
    void resourcesGoToLinuxResourcesInCgroupV1Units() {
        JsonNode oci = build(with(null, null, null,
                new ResourceLimits(64L << 20, 128L << 20, 500_000_000L, 512, 0, 0, 50), null));
        JsonNode r = oci.path("linux").path("resources");
        assertEquals(64L << 20, r.path("memory").path("limit").asLong());
        assertEquals(128L << 20, r.path("memory").path("swap").asLong());
        assertEquals(50_000, r.path("cpu").path("quota").asLong(), "half a CPU of a 100 ms period");
        assertEquals(100_000, r.path("cpu").path("period").asLong());
        assertEquals(512, r.path("cpu").path("shares").asLong());
        assertEquals(50, r.path("pids").path("limit").asLong());
        assertFalse(r.path("devices").get(0).path("allow").asBoolean(), "devices stay denied");

        JsonNode quota = build(with(null, null, null, new ResourceLimits(0, 0, 0, 0, 25_000, 50_000, 0), null));
        assertEquals(25_000, quota.path("linux").path("resources").path("cpu").path("quota").asLong());
        assertEquals(50_000, quota.path("linux").path("resources").path("cpu").path("period").asLong());
        assertFalse(quota.path("linux").path("resources").has("memory"));
    }

    @Test
    void userMountsComeAfterDefaultsParentsFirstAndReplaceADefaultAtTheSamePlace() {
        List<MountSpec> mounts = List.of(
                new MountSpec(MountSpec.Type.BIND, "/host/a", "/data/sub", false, List.of()),
                new MountSpec(MountSpec.Type.BIND, "/host/b", "/data", true, List.of("rshared")),
                new MountSpec(MountSpec.Type.TMPFS, "", "/dev/shm", false, List.of("size=1m", "exec")));
        JsonNode oci = build(with(null, null, mounts, null, null));
        List<String> destinations = new ArrayList<>();
        oci.path("mounts").forEach(m -> destinations.add(m.path("destination").asText()));
        assertEquals(1, destinations.stream().filter("/dev/shm"::equals).count());
        assertTrue(destinations.indexOf("/data") < destinations.indexOf("/data/sub"));
        assertEquals(List.of("rbind", "ro", "rshared"), texts(mountAt(oci, "/data").path("options")));
        assertEquals(List.of("rbind", "rprivate"), texts(mountAt(oci, "/data/sub").path("options")));
        JsonNode shm = mountAt(oci, "/dev/shm");
        assertEquals("tmpfs", shm.path("type").asText());
        assertEquals(List.of("nosuid", "nodev", "size=1m", "exec"), texts(shm.path("options")),
                "Docker's tmpfs defaults, noexec replaced by the user's exec");
    }

    @Test
    void hostnameAndDomainnameComeFromTheNamingOptions() {
        NamingOptions naming = new NamingOptions("web", "example.org", List.of(), List.of(), List.of(), List.of());
        JsonNode oci = build(with(null, naming, null, null, null));
        assertEquals("web", oci.path("hostname").asText());
        assertEquals("example.org", oci.path("linux").path("sysctl").path("kernel.domainname").asText(),
                "a sysctl of its UTS namespace: runc 1.1 ignores the spec's domainname");
        assertTrue(texts(oci.path("process").path("env")).contains("HOSTNAME=web"));
    }

    private static ContainerSpec withAccess(HostAccess access) {
        return new ContainerSpec(null, "busybox", List.of("sh"), List.of(), null, false, null, null, 10, null, null,
                null, null, null, null, null, access);
    }

    @Test
    void aHostDeviceBecomesANodeAndACgroupRuleWithItsNumbersReadFromTheHost() {
        JsonNode spec = build(withAccess(new HostAccess(false,
                List.of(new DeviceMapping("/dev/null", "/dev/mynull", "rw")))));
        JsonNode node = spec.path("linux").path("devices").get(0);
        assertEquals("/dev/mynull c 1 3", node.path("path").asText() + " " + node.path("type").asText() + " "
                + node.path("major").asInt() + " " + node.path("minor").asInt());
        JsonNode rules = spec.path("linux").path("resources").path("devices");
        assertEquals("false rwm", rules.get(0).path("allow").asText() + " " + rules.get(0).path("access").asText(),
                "everything denied first");
        assertEquals("true c 1 3 rw", rules.get(1).path("allow").asText() + " " + rules.get(1).path("type").asText()
                + " " + rules.get(1).path("major").asInt() + " " + rules.get(1).path("minor").asInt() + " "
                + rules.get(1).path("access").asText());
        assertTrue(spec.path("linux").has("maskedPaths"));
    }

    @Test
    void aMissingHostDeviceIsNamed() {
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> build(withAccess(new HostAccess(false,
                        List.of(new DeviceMapping("/dev/no-such-device", "", ""))))));
        assertEquals("device /dev/no-such-device: no such file on the host", missing.getMessage());
    }

    @Test
    void privilegedGetsEveryCapabilityEveryDeviceNoMaskedPathsAndAWritableSys() {
        JsonNode spec = build(withAccess(new HostAccess(true, List.of())));
        assertEquals(HostCapabilities.all(), texts(spec.path("process").path("capabilities").path("effective")));
        assertTrue(HostCapabilities.all().containsAll(List.of("CAP_SYS_ADMIN", "CAP_NET_ADMIN")));
        assertFalse(spec.path("linux").has("maskedPaths"));
        assertFalse(spec.path("linux").has("readonlyPaths"));
        List<String> devices = new ArrayList<>();
        spec.path("linux").path("devices").forEach(node -> devices.add(node.path("path").asText()));
        assertTrue(devices.contains("/dev/null"));
        assertFalse(devices.stream().anyMatch(path -> path.startsWith("/dev/pts/")), "the container's own");
        assertEquals("true rwm", spec.path("linux").path("resources").path("devices").get(1).path("allow").asText()
                + " " + spec.path("linux").path("resources").path("devices").get(1).path("access").asText());
        assertTrue(texts(mountAt(spec, "/sys").path("options")).contains("rw"));
    }

    @Test
    void aTerminalStartsAtItsConsoleSize() {
        ProcessOptions tty = new ProcessOptions(List.of(), "", "", "", false, List.of(), true, List.of(30, 100));
        JsonNode process = build(with(tty, null, null, null, null)).path("process");
        assertTrue(process.path("terminal").asBoolean());
        assertEquals(30, process.path("consoleSize").path("height").asInt());
        assertEquals(100, process.path("consoleSize").path("width").asInt());
        assertFalse(build(plain(List.of("sh"), List.of())).path("process").has("consoleSize"));
    }
}
