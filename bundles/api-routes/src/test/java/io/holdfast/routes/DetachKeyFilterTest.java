package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.common.docker.DetachKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetachKeyFilterTest {
    private final ByteArrayOutputStream passed = new ByteArrayOutputStream();
    private final AtomicInteger ends = new AtomicInteger();
    private final AtomicInteger detaches = new AtomicInteger();
    private final RawStream.Input sink = new RawStream.Input() {
        @Override
        public void received(byte[] bytes) {
            passed.writeBytes(bytes);
        }

        @Override
        public void ended() {
            ends.incrementAndGet();
        }
    };

    private DetachKeyFilter filter(String keys) {
        return new DetachKeyFilter(sink, DetachKeys.parse(keys), detaches::incrementAndGet);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theDefaultSequenceDetachesAndNeverReachesTheProcess() throws Exception {
        DetachKeyFilter filter = filter("ctrl-p,ctrl-q");
        filter.received(bytes("ls\r\u0010"));
        filter.received(bytes("\u0011after"));
        assertEquals("ls\r", passed.toString(StandardCharsets.ISO_8859_1));
        assertEquals(1, detaches.get());
        assertEquals(1, ends.get(), "the pump lets go of the stdin");
        filter.ended();
        assertEquals(1, ends.get(), "nothing after a detach");
    }

    @Test
    void aBrokenSequenceGoesOnAsTyped() throws Exception {
        DetachKeyFilter filter = filter("ctrl-p,ctrl-q");
        filter.received(bytes("a\u0010b\u0010\u0010"));
        filter.received(bytes("c"));
        assertEquals("a\u0010b\u0010\u0010c", passed.toString(StandardCharsets.ISO_8859_1));
        assertEquals(0, detaches.get());
    }

    @Test
    void heldBytesGoOnWhenTheClientEnds() throws Exception {
        DetachKeyFilter filter = filter("ctrl-x,y");
        filter.received(bytes("q\u0018"));
        filter.ended();
        assertEquals("q\u0018", passed.toString(StandardCharsets.ISO_8859_1));
        assertEquals(1, ends.get());
        assertEquals(0, detaches.get());
    }

    @Test
    void aKeyPressedTwiceStartsTheSequenceAgain() throws Exception {
        DetachKeyFilter filter = filter("ctrl-p,ctrl-q");
        filter.received(bytes("x\u0010\u0010\u0011"));
        assertEquals("x\u0010", passed.toString(StandardCharsets.ISO_8859_1));
        assertEquals(1, detaches.get());
    }
}
