package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.monitor.OciRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigReaderTest {
    private static final RuntimeLocator RUNC_ONLY = () -> Map.of("runc", new OciRuntime("runc", "/usr/sbin/runc"));

    @TempDir
    Path dir;

    private DaemonConfig read(String json, Map<String, Object> flags) throws Exception {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, json);
        return new DaemonConfigReader(RUNC_ONLY, "vfs").read(new FlagValues(file.toString(), flags));
    }

    private String error(String json, Map<String, Object> flags) throws IOException {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, json);
        return assertThrows(ConfigException.class,
                () -> new DaemonConfigReader(RUNC_ONLY, "vfs").read(new FlagValues(file.toString(), flags))).getMessage();
    }

    @Test
    void noFileMeansDockerLikeDefaults() throws Exception {
        DaemonConfig config = new DaemonConfigReader(RUNC_ONLY, "vfs").read(new FlagValues(null, Map.of()));
        assertTrue(config.liveRestore());
        assertEquals("/var/lib/holdfast", config.dataRoot());
        assertEquals("/run/holdfast", config.execRoot());
        assertEquals(List.of("unix:///run/holdfast.sock"), config.hosts());
        assertEquals("runc", config.runtime(null).name());
        assertEquals("vfs", config.storageDriver());
        assertEquals(15, config.shutdownTimeoutSeconds());
        assertEquals("k8s-file", config.logDriver());
        assertEquals(0, config.logSizeMax());
        assertNull(config.source());
    }

    @Test
    void readsEveryKey() throws Exception {
        DaemonConfig config = read("""
                {"live-restore": false, "data-root": "/srv/hf/", "exec-root": "/run/hf",
                 "hosts": ["unix:///run/hf.sock"], "default-runtime": "runc", "storage-driver": "vfs",
                 "debug": true, "shutdown-timeout": 3, "runtimes": {"sh-runtime": {"path": "/bin/sh"}}}
                """, Map.of());
        assertFalse(config.liveRestore());
        assertEquals("/srv/hf", config.dataRoot());
        assertEquals(List.of("unix:///run/hf.sock"), config.hosts());
        assertEquals("/bin/sh", config.runtime("sh-runtime").path());
        assertTrue(config.debug());
        assertEquals(3, config.shutdownTimeoutSeconds());
    }

    @Test
    void keysTheCoreDoesNotOwnAreLeftToTheirOwners() throws Exception {
        // checked by whoever declares them (KeyOwners), or reported as unclaimed: never refused here
        assertEquals("vfs", read("{\"bip\": \"not even an address\", \"storage-drver\": 1}", Map.of())
                .storageDriver());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() throws IOException {
        String message = error("{\"live-restore\": \"yes\"}", Map.of());
        assertTrue(message.endsWith("daemon.json:1:2: key \"live-restore\": expected true or false, found \"yes\""),
                message);
    }

    @Test
    void syntaxErrorHasPosition() throws IOException {
        String message = error("{\"debug\": true,,}", Map.of());
        assertTrue(message.contains("daemon.json:1:16: invalid JSON"), message);
    }

    @Test
    void keyAlsoGivenAsFlagIsRefused() throws IOException {
        String message = error("{\"data-root\": \"/srv/a\"}", Map.of("data-root", "/srv/b"));
        assertTrue(message.endsWith("key \"data-root\": also given as the flag --data-root; set it in one place only"),
                message);
    }

    @Test
    void newKeysLeaveTheFlagsAlone() throws Exception {
        DaemonConfig config = read("{\"log-opts\": {\"max-size\": \"1m\"}, \"storage-opts\": [\"vfs.a=1\"], "
                + "\"default-address-pools\": [{\"base\": \"10.10.0.0/16\", \"size\": 24}]}",
                Map.of("data-root", "/srv/b", "hosts", List.of("unix:///tmp/x.sock")));
        assertEquals("/srv/b", config.dataRoot());
        assertEquals(List.of("unix:///tmp/x.sock"), config.hosts());
        assertEquals(1024 * 1024, config.logSizeMax());
        String message = error("{\"log-driver\": \"k8s-file\", \"data-root\": \"/srv/a\"}",
                Map.of("data-root", "/srv/b"));
        assertTrue(message.endsWith("key \"data-root\": also given as the flag --data-root; set it in one place only"),
                message);
    }

    @Test
    void flagsApplyWhenTheFileIsSilent() throws Exception {
        DaemonConfig config = read("{}", Map.of("data-root", "/srv/b", "hosts", List.of("unix:///tmp/x.sock")));
        assertEquals("/srv/b", config.dataRoot());
        assertEquals(List.of("unix:///tmp/x.sock"), config.hosts());
    }

    @Test
    void missingDefaultRuntimeIsExplained() throws IOException {
        String message = error("{\"default-runtime\": \"crun\"}", Map.of());
        assertTrue(message.contains("key \"default-runtime\": runtime \"crun\" is not installed"), message);
    }

    @Test
    void relativeDataRootAndTcpHostAreRejected() throws IOException {
        assertTrue(error("{\"data-root\": \"var/lib\"}", Map.of()).contains("expected an absolute path"));
        assertTrue(error("{\"hosts\": [\"tcp://0.0.0.0:2375\"]}", Map.of())
                .contains("only unix:///ABSOLUTE/PATH sockets are supported"));
    }

    @Test
    void storageDriverDefaultsToWhatTheKernelSupports() throws Exception {
        assertEquals("overlay", new DaemonConfigReader(RUNC_ONLY, "overlay").read(new FlagValues(null, Map.of()))
                .storageDriver());
        assertEquals("vfs", read("{\"storage-driver\": \"vfs\"}", Map.of()).storageDriver());
    }

    @Test
    void duplicateKeyIsAnError() throws IOException {
        assertTrue(error("{\"debug\": true, \"debug\": false}", Map.of()).contains("key \"debug\" is given twice"));
    }

    @Test
    void runtimeWithMissingBinaryIsRejected() throws IOException {
        assertTrue(error("{\"runtimes\": {\"x\": {\"path\": \"/nonexistent/x\"}}}", Map.of())
                .contains("runtime \"x\": /nonexistent/x is not an executable file"));
    }
}
