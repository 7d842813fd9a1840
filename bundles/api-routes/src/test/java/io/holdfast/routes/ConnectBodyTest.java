package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDockerCliBodyWithItsEmptyFieldsGivesAliasesAndAddress() throws Exception {
        // what docker 28.2 sends for `network connect --alias api --ip 10.1.0.9`
        ConnectBody body = ConnectBody.parse(JSON.readTree("{\"IPAMConfig\": {\"IPv4Address\": \"10.1.0.9\"}, "
                + "\"Links\": null, \"Aliases\": [\"api\"], \"DriverOpts\": null, \"GwPriority\": 0, "
                + "\"NetworkID\": \"\", \"EndpointID\": \"\", \"Gateway\": \"\", \"IPAddress\": \"\", "
                + "\"IPPrefixLen\": 0, \"IPv6Gateway\": \"\", \"GlobalIPv6Address\": \"\", \"GlobalIPv6PrefixLen\": 0, "
                + "\"MacAddress\": \"\", \"DNSNames\": null}"));
        assertEquals(new ConnectBody(List.of("api"), "10.1.0.9"), body);
        assertEquals(new ConnectBody(List.of(), ""), ConnectBody.parse(JSON.readTree("{}").path("EndpointConfig")));
    }

    @Test
    void whatHoldfastCannotHonourIsRefusedByName() throws Exception {
        EngineException v6 = assertThrows(EngineException.class, () -> ConnectBody.parse(JSON.readTree(
                "{\"IPAMConfig\": {\"IPv6Address\": \"fd00::9\"}}")));
        assertTrue(v6.getMessage().startsWith("EndpointConfig.IPAMConfig.IPv6Address: not supported"), v6.getMessage());
        EngineException links = assertThrows(EngineException.class, () -> ConnectBody.parse(JSON.readTree(
                "{\"Links\": [\"a:b\"]}")));
        assertTrue(links.getMessage().startsWith("EndpointConfig.Links"), links.getMessage());
        EngineException aliases = assertThrows(EngineException.class, () -> ConnectBody.parse(JSON.readTree(
                "{\"Aliases\": \"api\"}")));
        assertEquals(EngineException.Kind.INVALID, aliases.kind());
    }
}
