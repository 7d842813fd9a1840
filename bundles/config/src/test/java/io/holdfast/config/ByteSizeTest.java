package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Docker's size syntax, as max-size takes it. */
class ByteSizeTest {
    @Test
    void unitsArePowersOf1024InAnyCase() {
        assertEquals(4096, ByteSize.parse("4096"));
        assertEquals(512 * 1024, ByteSize.parse("512k"));
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10m"));
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10M"));
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10MiB"));
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10mb"));
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10 m"));
        assertEquals(1L << 30, ByteSize.parse("1g"));
        assertEquals(3L << 29, ByteSize.parse("1.5g"));
        assertEquals(2L << 40, ByteSize.parse("2t"));
    }

    @Test
    void anythingElseIsMinusOne() {
        for (String bad : new String[] {"", "m", "10x", "-5m", "10 mb b", "1e3", "ten", "99999999999p"}) {
            assertEquals(-1, ByteSize.parse(bad), bad);
        }
    }

    @Test
    void displayUsesTheLargestExactUnit() {
        assertEquals("10m", ByteSize.display(10L * 1024 * 1024));
        assertEquals("1536k", ByteSize.display(1536 * 1024));
        assertEquals("1000", ByteSize.display(1000));
        assertEquals("1g", ByteSize.display(1L << 30));
    }
}
