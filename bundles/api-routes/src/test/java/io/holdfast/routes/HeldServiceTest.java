package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeldServiceTest {
    @Test
    void aPresentServiceIsReturnedAtOnce() {
        HeldService<String> held = new HeldService<>("the restore bundle", Duration.ofSeconds(30));
        held.set("first");
        assertEquals("first", held.get());
    }

    @Test
    void aCallerWaitsWhileTheServiceIsAwayAndGetsTheOneThatArrives() throws Exception {
        HeldService<String> held = new HeldService<>("the restore bundle", Duration.ofSeconds(30));
        held.set("old revision");
        held.unset("old revision");
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> result.complete(held.get()), "api-request");
        caller.start();
        Waiting.until(caller);
        held.set("new revision");
        assertEquals("new revision", result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theUnbindOfAnOldRevisionKeepsTheNewOne() {
        HeldService<String> held = new HeldService<>("the restore bundle", Duration.ofSeconds(30));
        String older = "old revision";
        String newer = "new revision";
        held.set(older);
        held.set(newer); // DS may bind the next revision before it unbinds the previous one
        held.unset(older);
        assertSame(newer, held.get());
    }

    @Test
    void aServiceThatStaysAwayFailsWithAnErrorNamingItAndThePatience() {
        HeldService<String> held = new HeldService<>("the restore bundle", Duration.ofSeconds(1));
        long start = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, held::get);
        assertEquals(EngineException.Kind.FAILED, e.kind());
        assertEquals("the restore bundle is not running (waited 1 s); see the engine log", e.getMessage());
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "it waited its patience out");
    }
}
