package io.holdfast.common.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void namesWithOrWithoutSigInAnyCase() {
        assertEquals(15, Signals.number("TERM"));
        assertEquals(15, Signals.number("SIGTERM"));
        assertEquals(10, Signals.number("sigusr1"));
        assertEquals(28, Signals.number("Winch"));
        assertEquals(9, Signals.number("KILL"));
        assertEquals(17, Signals.number("CLD"));
    }

    @Test
    void numbersFromOneToSixtyFour() {
        assertEquals(1, Signals.number("1"));
        assertEquals(64, Signals.number("64"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("0"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("65"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("99999999999999"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("-9"));
    }

    @Test
    void realTimeSignalsAsLinuxNamesThem() {
        assertEquals(34, Signals.number("RTMIN"));
        assertEquals(35, Signals.number("RTMIN+1"));
        assertEquals(49, Signals.number("SIGRTMIN+15"));
        assertEquals(50, Signals.number("RTMAX-14"));
        assertEquals(63, Signals.number("rtmax-1"));
        assertEquals(64, Signals.number("RTMAX"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("RTMIN+16"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("RTMIN+0"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("RTMAX-15"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("RTMIN+"));
    }

    @Test
    void unknownNamesAreRefusedInDockersWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signals.number("BOGUS"));
        assertEquals("Invalid signal: BOGUS", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signals.number(""));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("SIG"));
    }
}
