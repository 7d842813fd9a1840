package io.holdfast.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightTest {
    @Test
    void closingWaitsForCallsUnderWayAndRefusesNewOnes() throws Exception {
        InFlight inFlight = new InFlight();
        assertTrue(inFlight.tryEnter());
        Thread finisher = new Thread(() -> {
            sleep(100);
            inFlight.leave();
        });
        finisher.start();
        assertEquals(0, inFlight.closeAndAwait(5000), "the running call finished while close waited");
        assertFalse(inFlight.tryEnter(), "closed: no new calls");
        finisher.join();
    }

    @Test
    void closingGivesUpAfterItsLimitAndSaysHowManyStillRun() throws Exception {
        InFlight inFlight = new InFlight();
        inFlight.tryEnter();
        inFlight.tryEnter();
        assertEquals(2, inFlight.closeAndAwait(50));
    }

    @Test
    void awaitedHandsOverTheServiceThatArrivesWhileACallerWaits() throws Exception {
        Awaited<String> awaited = new Awaited<>();
        Thread arriving = new Thread(() -> {
            sleep(100);
            awaited.set("next revision");
        });
        arriving.start();
        assertEquals("next revision", awaited.await(Duration.ofSeconds(5)));
        awaited.unset("an older one");
        assertTrue(awaited.present(), "only the current service is forgotten");
        awaited.unset("next revision");
        assertEquals(null, awaited.await(Duration.ofMillis(50)));
        arriving.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
