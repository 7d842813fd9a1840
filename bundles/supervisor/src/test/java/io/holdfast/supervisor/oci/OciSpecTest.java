package io.holdfast.supervisor.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciSpecTest {
    private static final String ID = "0123456789ab" + "c".repeat(52);

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.isTextual() ? n.asText() : n.path("type").asText()));
        return values;
    }

    private static JsonNode spec(List<String> args, List<String> env, String netns) {
        return OciSpec.build(new OciSpec.Input(ID, "/rootfs", args, env, netns, false, "/b/hosts", "/b/hostname"));
    }

    @Test
    void hasDockersIsolationDefaults() {
        JsonNode spec = spec(List.of("sleep", "1"), List.of(), null);
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), texts(spec.path("linux").path("namespaces")));
        assertFalse(spec.path("linux").path("namespaces").get(4).has("path"), "a new network namespace");
        assertEquals(OciSpec.DEFAULT_CAPABILITIES, texts(spec.path("process").path("capabilities").path("bounding")));
        assertEquals(14, OciSpec.DEFAULT_CAPABILITIES.size());
        assertTrue(spec.path("process").path("noNewPrivileges").asBoolean());
        assertEquals(OciSpec.MASKED_PATHS, texts(spec.path("linux").path("maskedPaths")));
        assertEquals(OciSpec.READONLY_PATHS, texts(spec.path("linux").path("readonlyPaths")));
        assertTrue(texts(spec.path("linux").path("maskedPaths")).contains("/proc/kcore"));
        assertEquals("/holdfast-" + ID, spec.path("linux").path("cgroupsPath").asText());
        assertFalse(spec.path("process").path("terminal").asBoolean(), "conmon holds plain pipes, not a tty");
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
        JsonNode spec = OciSpec.build(new OciSpec.Input(ID, "/rootfs", List.of("true"), List.of(), null, true,
                "/b/hosts", "/b/hostname"));
        assertEquals(List.of("pid", "ipc", "uts", "mount"), texts(spec.path("linux").path("namespaces")));
    }

    @Test
    void joinsAGivenNetworkNamespaceAndBindsHostsFiles() {
        JsonNode spec = spec(List.of("true"), List.of(), "/run/netns/x");
        assertEquals("/run/netns/x", spec.path("linux").path("namespaces").get(4).path("path").asText());
        List<String> destinations = new ArrayList<>();
        spec.path("mounts").forEach(m -> destinations.add(m.path("destination").asText()));
        assertEquals(List.of("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm",
                "/etc/hosts", "/etc/hostname"), destinations);
    }
}
