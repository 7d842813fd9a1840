package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts the launcher binds are the ones the config bundle will serve, or none. */
class LauncherHostsTest {
    @TempDir
    Path dir;

    @Test
    void flagsThenDaemonJsonThenTheDefault() throws Exception {
        Path json = Files.writeString(dir.resolve("daemon.json"),
                "{\"hosts\": [\"unix:///a.sock\", \"unix:///b.sock\"], \"debug\": true}");
        assertEquals(List.of("unix:///f.sock"), LauncherHosts.of(List.of("unix:///f.sock"), json));
        assertEquals(List.of("unix:///a.sock", "unix:///b.sock"), LauncherHosts.of(List.of(), json));
        Path without = Files.writeString(dir.resolve("other.json"), "{\"live-restore\": true}");
        assertEquals(List.of(LauncherHosts.DEFAULT), LauncherHosts.of(List.of(), without));
        assertEquals(List.of(LauncherHosts.DEFAULT), LauncherHosts.of(List.of(), null));
    }

    @Test
    void hostsTheConfigBundleWouldRefuseBindNothing() throws Exception {
        assertEquals(List.of(), LauncherHosts.of(List.of(),
                Files.writeString(dir.resolve("empty.json"), "{\"hosts\": []}")));
        assertEquals(List.of(), LauncherHosts.of(List.of(),
                Files.writeString(dir.resolve("tcp.json"), "{\"hosts\": [\"unix:///a.sock\", \"tcp://0.0.0.0:2375\"]}")));
        assertEquals(List.of(), LauncherHosts.of(List.of(), Files.writeString(dir.resolve("cut.json"), "{\"hosts\": [")));
        assertEquals(List.of(), LauncherHosts.of(List.of(), dir.resolve("missing.json")));
    }
}
