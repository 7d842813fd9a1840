package io.holdfast.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.InvalidValueException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics-addr takes loopback or a Unix socket only, and says what is wrong with anything else. */
class MetricsAddressTest {
    @Test
    void loopbackPortsAndUnixSocketsAreTaken() throws Exception {
        MetricsAddress v4 = MetricsAddress.parse("127.0.0.1:9323");
        assertEquals("127.0.0.1", v4.host());
        assertEquals(9323, v4.port());
        assertEquals("::1", MetricsAddress.parse("[::1]:1").host());
        assertEquals("[::1]:1", MetricsAddress.parse("[::1]:1").toString());
        MetricsAddress unix = MetricsAddress.parse("unix:///run/holdfast-metrics.sock");
        assertTrue(unix.isUnix());
        assertEquals(Path.of("/run/holdfast-metrics.sock"), unix.socket());
    }

    @Test
    void anyOtherAddressIsRefusedNamingTheKeyAndTheValue() {
        for (String bad : new String[] {"0.0.0.0:9323", "192.168.1.5:9323", ":9323", "localhost:9323", "127.0.0.1",
                "tcp://127.0.0.1:9323", "unix://relative.sock", "unix:///"}) {
            InvalidValueException refused = assertThrows(InvalidValueException.class,
                    () -> MetricsAddress.parse(bad), bad);
            assertEquals("metrics-addr", refused.key());
            assertTrue(refused.getMessage().contains("\"" + bad + "\""), refused.getMessage());
        }
        InvalidValueException port = assertThrows(InvalidValueException.class,
                () -> MetricsAddress.parse("127.0.0.1:70000"));
        assertTrue(port.getMessage().contains("1 to 65535"), port.getMessage());
        assertThrows(InvalidValueException.class, () -> MetricsAddress.parse("unix:///" + "d/".repeat(60) + "s"));
    }

    @Test
    void theKeyIsOptInAndMustBeAString() throws Exception {
        MetricsKeys keys = new MetricsKeys();
        assertEquals(Map.of("metrics-addr", ""), keys.check(Map.of()));
        assertEquals(Map.of("metrics-addr", "127.0.0.1:9323"), keys.check(Map.of("metrics-addr", "127.0.0.1:9323")));
        InvalidValueException number = assertThrows(InvalidValueException.class,
                () -> keys.check(Map.of("metrics-addr", 9323)));
        assertEquals("metrics-addr", number.key());
        assertTrue(keys.keys().get(0).live(), "a reload moves the server");
    }
}
