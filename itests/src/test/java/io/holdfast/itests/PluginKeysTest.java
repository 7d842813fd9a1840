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
 * file's line and column; fatal at start like any bad daemon.json, refused whole at reload; and a key no component
 * ever declared on this data root is a typing error, refused the same way (the keys of a plugin missing now wait
 * for it: MissingPluginTest).
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
    void aKeyNoComponentEverDeclaredStopsTheEngineNamingFileLineAndKey() throws Exception {
        try (Engine engine = new Engine(java.util.Map.of("bipp", "10.1.0.1/24"))) {
            Process p = engine.launch(List.of("--config", engine.configFile().toString()));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(engine.log().contains("holdfastd: " + engine.configFile() + ":1:") && engine.log().contains(
                    "key \"bipp\": unknown key: no installed component declares it, and none did before on this "
                            + "data root (known keys: "), engine.log());
        }
    }

    @Test
    void aKeyNoComponentEverDeclaredIsRefusedAtReload() throws Exception {
        try (Engine engine = new Engine()) {
            engine.start();
            set(engine, "shutdown-timeout", 7);
            set(engine, "storage-drver", "vfs");
            Cli.Result refused = engine.cli().run("system", "reload");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.out().contains("key \"storage-drver\": unknown key") && refused.out().contains(
                    "the running configuration stays in force"), refused.out());
            Cli.Result dryRun = engine.cli().run("system", "reload", "--dry-run");
            assertEquals(1, dryRun.exitCode(), "a dry run says the same");
            assertTrue(dryRun.out().contains("key \"storage-drver\": unknown key"), dryRun.out());
        }
    }

    private static void set(Engine engine, String key, Object value) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(engine.configFile().toFile());
        config.set(key, JSON.valueToTree(value));
        Files.writeString(engine.configFile(), JSON.writeValueAsString(config));
    }
}
