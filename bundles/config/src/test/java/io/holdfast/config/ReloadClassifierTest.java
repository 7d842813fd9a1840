package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.SettingChange;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which changed keys a reload applies and which wait for a restart, with the values shown for each. */
class ReloadClassifierTest {
    private static final String EVERY_KEY = """
            {"live-restore": true, "data-root": "/srv/hf", "exec-root": "/run/hf", "hosts": ["unix:///run/hf.sock"],
             "default-runtime": "runc", "runtimes": {"sh-runtime": {"path": "/bin/sh"}}, "storage-driver": "vfs",
             "debug": false, "shutdown-timeout": 15, "log-driver": "k8s-file", "log-opts": {"max-size": "10m"}}
            """;

    @TempDir
    Path dir;

    private DaemonJson json;

    @BeforeEach
    void setUp() {
        json = new DaemonJson(dir);
    }

    private ConfigUpdate classify(String running, String candidate) throws Exception {
        DaemonConfig before = json.read(running);
        return ReloadClassifier.classify(before, json.read(candidate));
    }

    @Test
    void theSameFileReadTwiceHasNoChanges() throws Exception {
        ConfigUpdate changes = classify(EVERY_KEY, EVERY_KEY);
        assertTrue(changes.isEmpty(), changes.toString());
        assertTrue(classify("{}", "{}").isEmpty());
    }

    @Test
    void writingADefaultOutIsNoChange() throws Exception {
        assertTrue(classify("{}", "{\"debug\": false, \"log-driver\": \"k8s-file\", \"log-opts\": {}}").isEmpty());
    }

    @Test
    void orderOfRuntimesIsNoChange() throws Exception {
        assertTrue(classify("{\"runtimes\": {\"a\": {\"path\": \"/bin/sh\"}, \"b\": {\"path\": \"/bin/true\"}}}",
                "{\"runtimes\": {\"b\": {\"path\": \"/bin/true\"}, \"a\": {\"path\": \"/bin/sh\"}}}").isEmpty());
    }

    static Stream<Arguments> reloadable() {
        return Stream.of(
                Arguments.of("{\"debug\": true}", "debug", "false", "true"),
                Arguments.of("{\"live-restore\": false}", "live-restore", "true", "false"),
                Arguments.of("{\"shutdown-timeout\": 30}", "shutdown-timeout", "15", "30"),
                Arguments.of("{\"runtimes\": {\"sh\": {\"path\": \"/bin/sh\"}}}", "runtimes",
                        "{runc=/usr/sbin/runc}", "{runc=/usr/sbin/runc, sh=/bin/sh}"),
                Arguments.of("{\"log-opts\": {\"max-size\": \"10m\"}}", "log-opts", "{}", "{max-size=10m}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void reloadable(String candidate, String key, String oldValue, String newValue) throws Exception {
        ConfigUpdate changes = classify("{}", candidate);
        assertEquals(List.of(new SettingChange(key, oldValue, newValue)), changes.reloadable());
        assertEquals(List.of(), changes.needsRestart());
    }

    @Test
    void defaultRuntimeIsReloadable() throws Exception {
        String runtimes = "\"runtimes\": {\"sh\": {\"path\": \"/bin/sh\"}}";
        ConfigUpdate changes = classify("{" + runtimes + "}", "{" + runtimes + ", \"default-runtime\": \"sh\"}");
        assertEquals(List.of(new SettingChange("default-runtime", "runc", "sh")), changes.reloadable());
        assertEquals(List.of(), changes.needsRestart());
    }

    static Stream<Arguments> needsRestart() {
        return Stream.of(
                Arguments.of("{\"data-root\": \"/srv/hf\"}", "data-root", "/var/lib/holdfast", "/srv/hf"),
                Arguments.of("{\"exec-root\": \"/run/hf\"}", "exec-root", "/run/holdfast", "/run/hf"),
                Arguments.of("{\"hosts\": [\"unix:///run/a.sock\", \"unix:///run/b.sock\"]}", "hosts",
                        "[unix:///run/holdfast.sock]", "[unix:///run/a.sock, unix:///run/b.sock]"),
                Arguments.of("{\"storage-driver\": \"overlay\"}", "storage-driver", "vfs", "overlay"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void needsRestart(String candidate, String key, String oldValue, String newValue) throws Exception {
        ConfigUpdate changes = classify("{}", candidate);
        assertEquals(List.of(new SettingChange(key, oldValue, newValue)), changes.needsRestart());
        assertEquals(List.of(), changes.reloadable());
    }

    @Test
    void logDriverNeedsARestart() throws Exception {
        // k8s-file is the only driver daemon.json accepts today, so the change is built by hand
        DaemonConfig c = json.read("{}");
        DaemonConfig other = new DaemonConfig(c.source(), c.liveRestore(), c.dataRoot(), c.execRoot(), c.hosts(),
                c.defaultRuntime(), c.runtimes(), c.storageDriver(), c.debug(), c.shutdownTimeoutSeconds(), "journald",
                c.logSizeMax());
        assertEquals(List.of(new SettingChange("log-driver", "k8s-file", "journald")),
                ReloadClassifier.classify(c, other).needsRestart());
    }

    @Test
    void mixedChangesAreSplitAndKeepTheTablesOrder() throws Exception {
        ConfigUpdate changes = classify(EVERY_KEY, EVERY_KEY.replace("\"debug\": false", "\"debug\": true")
                .replace("\"10m\"", "\"1g\"")
                .replace("\"/srv/hf\"", "\"/srv/hf2\"").replace("\"/run/hf\"", "\"/run/hf2\""));
        assertEquals(List.of(new SettingChange("debug", "false", "true"),
                new SettingChange("log-opts", "{max-size=10m}", "{max-size=1g}")), changes.reloadable());
        assertEquals(List.of(new SettingChange("data-root", "/srv/hf", "/srv/hf2"),
                new SettingChange("exec-root", "/run/hf", "/run/hf2")), changes.needsRestart());
        assertEquals("exec-root: /run/hf -> /run/hf2", changes.needsRestart().get(1).toString());
    }

    @Test
    void everyCoreKeyIsClassifiedOnce() {
        // storage-opts is read by the core for its syntax, but its entries are the drivers', classified as they declare
        TreeSet<String> core = new TreeSet<>(DaemonConfigReader.KEYS);
        core.remove(StorageOptsKey.KEY);
        List<String> classified = ReloadClassifier.classifiedKeys();
        assertEquals(core, new TreeSet<>(classified));
        assertEquals(core.size(), classified.size(), "a key classified twice");
    }
}
