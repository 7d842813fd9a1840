package io.holdfast.supervisor.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.container.PortBinding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundSocketsTest {
    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0",
            "   1: 0100007F:1F90 0100007F:9578 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0",
            "   2: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0");

    @Test
    void onlyAListeningSocketOnThatAddressAndPortCounts() {
        assertEquals(Set.of("111"), BoundSockets.inodesIn(TCP, new PortBinding("127.0.0.1", 8080, 80, "tcp")));
        assertEquals(Set.of("333"), BoundSockets.inodesIn(TCP, new PortBinding("", 8081, 80, "tcp")));
        assertEquals(Set.of(), BoundSockets.inodesIn(TCP, new PortBinding("", 8080, 80, "tcp")));
    }

    @Test
    void addressesAreInTheKernelsByteOrder() {
        assertEquals("0100007F", BoundSockets.hexAddress("127.0.0.1"));
        assertEquals("0105D50A", BoundSockets.hexAddress("10.213.5.1"));
    }
}
