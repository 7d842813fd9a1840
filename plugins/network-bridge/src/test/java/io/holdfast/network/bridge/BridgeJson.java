package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.config.InvalidValueException;
import java.util.Map;

/**
 * A daemon.json's bridge keys turned into plain Java as the engine hands them over, then parsed. Errors read as the
 * engine prints them after the file's position, which the config bundle adds: {@code key "mtu": expected ...}.
 */
final class BridgeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BridgeJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(String json) throws Exception {
        return MAPPER.readValue(json, Map.class);
    }

    static BridgeSettings read(String json) throws Exception {
        return BridgeSettings.parse(values(json));
    }

    static String error(String json) throws Exception {
        Map<String, Object> values = values(json);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> BridgeSettings.parse(values));
        return "key \"" + e.key() + "\": " + e.getMessage();
    }
}
