package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.network.NetworkRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRequestCheckTest {
    private static NetworkRequest named(String name) {
        return new NetworkRequest(name, "", "", "", false, Map.of(), Map.of());
    }

    @Test
    void acceptsDockerStyleNames() {
        assertDoesNotThrow(() -> NetworkRequestCheck.check(named("back_end.v2-x")));
    }

    @Test
    void refusesBadNamesPredefinedNamesOtherDriversAndUnknownOptions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkRequestCheck.check(named("-x")))
                .getMessage().contains("invalid network name"));
        assertTrue(assertThrows(IllegalStateException.class, () -> NetworkRequestCheck.check(named("host")))
                .getMessage().contains("pre-defined"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkRequestCheck.check(
                new NetworkRequest("n", "overlay", "", "", false, Map.of(), Map.of()))).getMessage()
                .contains("overlay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkRequestCheck.check(
                new NetworkRequest("n", "bridge", "", "", false, Map.of(), Map.of("com.docker.network.bridge"
                        + ".enable_icc", "false")))).getMessage().contains("enable_icc"));
    }
}
