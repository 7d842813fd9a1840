package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units the distribution installs ({@code lib/systemd/system}): the settings live restore and the socket
 * hand-over depend on, and systemd's own verdict on the files.
 */
class ServiceUnitTest {
    private static final Path UNITS = Engine.HOME.resolve("lib/systemd/system");

    @TempDir
    Path dir;

    @Test
    void theServiceKeepsTheMonitorsAliveTakesTheSocketAndReportsReadiness() throws Exception {
        Map<String, List<String>> service = section(UNITS.resolve("holdfast.service"), "Service");
        assertEquals(List.of("process"), service.get("KillMode"), "only the engine is stopped, never the monitors");
        assertEquals(List.of("yes"), service.get("Delegate"));
        assertEquals(List.of("/bin/kill -HUP $MAINPID"), service.get("ExecReload"));
        assertEquals(List.of("notify"), service.get("Type"));
        assertEquals(List.of("all"), service.get("NotifyAccess"), "systemd-notify, the engine's child, says READY");
        assertEquals(List.of("socket"), service.get("StandardInput"), "the engine takes the held socket as stdin");
        assertEquals(List.of("journal"), service.get("StandardOutput"), "the log must not go to the API socket");
        assertTrue(service.get("ExecStart").get(0).contains("bin/holdfastd"), service.toString());
        Map<String, List<String>> unit = section(UNITS.resolve("holdfast.service"), "Unit");
        assertEquals(List.of("holdfast.socket"), unit.get("Requires"));
    }

    @Test
    void theSocketIsTheEnginesDefaultHostRestrictedToOwnerAndGroup() throws Exception {
        Map<String, List<String>> socket = section(UNITS.resolve("holdfast.socket"), "Socket");
        assertEquals(List.of("/run/holdfast.sock"), socket.get("ListenStream"));
        assertEquals(List.of("0660"), socket.get("SocketMode"));
        assertTrue(!socket.containsKey("Accept") || socket.get("Accept").equals(List.of("no")),
                "one engine serves the listening socket, not one per connection");
    }

    /**
     * {@code systemd-analyze verify} on copies whose ExecStart names this build's holdfastd (the units name the
     * installed /opt/holdfast): no error and no warning (systemd only warns of a bad value, so a warning fails too).
     */
    @Test
    void systemdAnalyzeVerifiesBothUnitsWithoutAWord() throws Exception {
        Path service = dir.resolve("holdfast.service");
        Path socket = dir.resolve("holdfast.socket");
        Files.writeString(service, Files.readString(UNITS.resolve("holdfast.service"))
                .replace("/opt/holdfast/bin/holdfastd", Engine.HOME.resolve("bin/holdfastd").toString()));
        Files.copy(UNITS.resolve("holdfast.socket"), socket);
        Process verify = new ProcessBuilder("systemd-analyze", "verify", "--man=no", socket.toString(),
                service.toString()).redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes());
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), said);
        assertEquals("", said.strip(), "systemd-analyze verify has something to say");
    }

    /** The {@code key=value} lines of one {@code [section]}, every value of a repeated key in order. */
    private static Map<String, List<String>> section(Path unit, String name) throws Exception {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : Files.readAllLines(unit)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line.substring(1, line.indexOf(']'));
                continue;
            }
            int equals = line.indexOf('=');
            if (name.equals(current) && equals > 0) {
                keys.computeIfAbsent(line.substring(0, equals).strip(), k -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
        }
        assertTrue(!keys.isEmpty(), unit + " has no [" + name + "] section");
        return keys;
    }
}
