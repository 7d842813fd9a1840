package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.commands.PublishFlag.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's {@code -p} spellings, and what is wrong with a bad one. */
class PublishFlagTest {
    @Test
    void eachFormOfDockersPublishFlag() {
        assertEquals(List.of(new Entry("80/tcp", "", "")), PublishFlag.parse("80"));
        assertEquals(List.of(new Entry("80/tcp", "", "8080")), PublishFlag.parse("8080:80"));
        assertEquals(List.of(new Entry("80/tcp", "127.0.0.1", "8080")), PublishFlag.parse("127.0.0.1:8080:80"));
        assertEquals(List.of(new Entry("53/udp", "127.0.0.1", "")), PublishFlag.parse("127.0.0.1::53/udp"));
        assertEquals(List.of(new Entry("53/udp", "", "5353")), PublishFlag.parse("5353:53/UDP"));
    }

    @Test
    void aRangeBecomesOneEntryPerPort() {
        assertEquals(List.of(new Entry("80/tcp", "127.0.0.1", "18080"), new Entry("81/tcp", "127.0.0.1", "18081")),
                PublishFlag.parse("127.0.0.1:18080-18081:80-81"));
        assertEquals(List.of(new Entry("80/tcp", "", ""), new Entry("81/tcp", "", "")), PublishFlag.parse("80-81"));
        assertEquals(List.of("80/tcp", "81/tcp", "82/tcp"), PublishFlag.exposed("80-82"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8080:80/sctp | protocol \"sctp\" (expected tcp or udp)",
            "18080-18082:80-81 | the host range 18080-18082 and the container range 80-81 differ in length",
            "localhost:8080:80 | host address \"localhost\" (expected an IPv4 address)",
            "::1:8080:80 | too many colons",
            "8080:http | container port \"http\" (expected a number from 1 to 65535)",
            "70000:80 | host port 70000 (expected 1 to 65535)",
            "0:80 | host port 0 (expected 1 to 65535)",
            "81-80 | container port range 81-80 ends before it starts",
            "8080: | container port \"\""})
    void aBadSpecIsRefusedSayingWhatIsWrong(String spec, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> PublishFlag.parse(spec)).getMessage();
        assertTrue(message.startsWith("invalid -p \"" + spec + "\": "), message);
        assertTrue(message.contains(expected.strip()), message);
    }
}
