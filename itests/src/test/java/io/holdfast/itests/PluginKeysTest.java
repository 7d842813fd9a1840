package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keys a plugin owns (the bridge network's bip and mtu) in the running engine: checked by the plugin, with the
 * file's line and column; fatal at start like any bad daemon.json, refused whole at reload; and a key no installed
 * component declares is reported, not refused, so an engine runs without the plugin it belongs to.
 */
class PluginKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPluginsBadKeyAtStartStopsTheEngineNamingFileLineAndKey() throws Exception {
        try (Engine engine = new Engine()) {
            Path config = Files.writeString(engine.root().resolve("daemon.json"),
                    "{\n  \"bridge\": \"" + engine.bridge() + "\",\n  \"mtu\": 70000\n}\n");
            Process p = engine.launch(List.of("--config", config.toString()));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(engine.log().contains("holdfastd: " + config + ":3:3: key \"mtu\": expected a whole number "
                    + "from 576 to 65535, found 70000"), engine.log());
        }
    }

    @Test
    void aPluginsBadKeyAtReloadChangesNothing() throws Exception {
        try (Engine engine = new Engine()) {
            engine.start();
            String bip = JSON.readTree(engine.configFile().toFile()).path("bip").asText();
            set(engine, "shutdown-timeout", 7);
            set(engine, "bip", "10.213.0.300/24");
            Cli.Result refused = engine.cli().run("system", "reload");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.out().contains(engine.configFile() + ":1:") && refused.out().contains("key \"bip\": "
                    + "expected an IPv4 address") && refused.out().contains("the running configuration stays in force"),
                    refused.out());

            // nothing was applied: the valid shutdown-timeout of the refused file is still only a plan
            set(engine, "bip", bip);
            String plan = engine.cli().ok("system", "reload", "--dry-run");
            assertTrue(plan.contains("would apply shutdown-timeout: 15 -> 7"), plan);
        }
    }

    @Test
    void aKeyNobodyDeclaresIsReportedAndTheEngineRuns() throws Exception {
        try (Engine engine = new Engine(java.util.Map.of("bipp", "10.1.0.1/24"))) {
            engine.start();
            assertTrue(engine.log().contains(engine.configFile() + ":") && engine.log().contains("key \"bipp\": no "
                    + "installed component declares this key"), engine.log());
            String plan = engine.cli().ok("system", "reload", "--dry-run");
            assertTrue(plan.contains("config unclaimed ") && plan.contains("key \"bipp\""), plan);
        }
    }

    private static void set(Engine engine, String key, Object value) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(engine.configFile().toFile());
        config.set(key, JSON.valueToTree(value));
        Files.writeString(engine.configFile(), JSON.writeValueAsString(config));
    }
}
