package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Docker 20.10 CLI's hijack head gets a host; nothing after the first head is ever changed. */
class BlankHostRepairTest {

    private static String repaired(BlankHostRepair repair, String text) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        repair.repair(buffer, 0, buffer.limit());
        return StandardCharsets.US_ASCII.decode(buffer).toString();
    }

    @Test
    void theDockerCliHijackHeadGetsAHost() {
        String head = "POST /v1.41/exec/e1/start HTTP/1.1\r\nHost: \r\nUser-Agent: Docker-Client/20.10.24\r\n"
                + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n{\"Detach\":false}";
        assertEquals(head.replace("Host: \r\n", "Host:h\r\n"), repaired(new BlankHostRepair(), head));
    }

    @Test
    void aHostThatIsThereAndWhatFollowsTheFirstHeadAreLeftAlone() {
        BlankHostRepair repair = new BlankHostRepair();
        String first = "GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n";
        assertEquals(first, repaired(repair, first));
        String body = "PUT /x HTTP/1.1\r\nHost: \r\n\r\n";
        assertEquals(body, repaired(repair, body), "a second request, or a body that looks like a head, is untouched");
    }
}
