package io.holdfast.supervisor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.environment.ContainerEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings a {@code state.json} written by an older engine up to {@link ContainerRecord#SCHEMA_VERSION}, one version
 * step at a time, on the JSON tree, so each step reads the fields exactly as that version wrote them.
 *
 * <p>1 to 2: version 1 did not record the environment a container was created under. What it did record is
 * enough for what a restore compares: the data root it lives under, its storage driver, and, on the bridge, its
 * subnet and gateway (from the address and prefix the bridge gave it).
 *
 * <p>2 to 3: version 2 specs have no option records; absent, they read as the defaults, which is what those
 * containers ran with, so the tree needs no change.
 */
final class RecordMigration {
    private RecordMigration() {
    }

    /** Migrates {@code tree} in place from {@code version}; {@code dataRoot} is where the record was found. */
    static void forward(ObjectNode tree, int version, Path dataRoot) {
        if (version < 2) {
            ObjectNode environment = tree.putObject("environment");
            environmentOfVersion1(tree, dataRoot).forEach(environment::put);
        }
        tree.put("schemaVersion", ContainerRecord.SCHEMA_VERSION);
    }

    private static Map<String, String> environmentOfVersion1(JsonNode tree, Path dataRoot) {
        Map<String, String> network = new LinkedHashMap<>();
        JsonNode settings = tree.path("network").path("settings");
        if ("bridge".equals(tree.path("network").path("network").asText()) && settings.has("IPAddress")
                && settings.has("IPPrefixLen") && settings.has("Gateway")) {
            int prefix = settings.get("IPPrefixLen").asInt();
            network.put("subnet", networkOf(settings.get("IPAddress").asText(), prefix) + "/" + prefix);
            network.put("gateway", settings.get("Gateway").asText());
        }
        return ContainerEnvironment.of(dataRoot.toString(), tree.path("storageDriver").asText(), Map.of(), network);
    }

    private static String networkOf(String address, int prefix) {
        String[] octets = address.split("\\.");
        int value = 0;
        for (String octet : octets) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        int network = prefix == 0 ? 0 : value & (-1 << (32 - prefix));
        return (network >>> 24) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                + (network & 255);
    }
}
