package io.holdfast.spi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortOptionsTest {
    @Test
    void publishAllAddsAnyPortForEachExposedPortWithoutABindingOfItsOwn() {
        PortOptions ports = new PortOptions(List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")),
                List.of("80", "53/UDP", "443/tcp"), true);
        assertEquals(List.of("80/tcp", "53/udp", "443/tcp"), ports.exposed());
        assertEquals(List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp"), new PortBinding("", 0, 53, "udp"),
                new PortBinding("", 0, 443, "tcp")), ports.toPublish());
        assertEquals(List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")),
                new PortOptions(ports.bindings(), ports.exposed(), false).toPublish());
    }

    @Test
    void badPortsAreRefusedSayingWhatIsWrong() {
        assertEquals("exposed port \"http\": expected PORT[/tcp|udp]", assertThrows(IllegalArgumentException.class,
                () -> new PortOptions(null, List.of("http"), false)).getMessage());
        assertEquals("port protocol \"sctp\": expected tcp or udp", assertThrows(IllegalArgumentException.class,
                () -> new PortBinding("", 0, 80, "sctp")).getMessage());
        assertEquals("host address \"::1\": only IPv4 host addresses can publish a port",
                assertThrows(IllegalArgumentException.class, () -> new PortBinding("::1", 1, 80, "tcp")).getMessage());
        assertEquals("host port 65536: expected 1 to 65535, or 0 for any",
                assertThrows(IllegalArgumentException.class, () -> new PortBinding("", 65536, 80, "tcp")).getMessage());
    }
}
