package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Restore requests are served off the caller's thread, coalesced, and kept until they can be served. */
class RestoreRequestsTest {

    @Test
    void requestsMadeWhileARestoreRunsMakeOneMoreRestore() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Semaphore done = new Semaphore(0);
        AtomicInteger restores = new AtomicInteger();
        try (RestoreRequests requests = new RestoreRequests(() -> {
            if (restores.incrementAndGet() == 1) {
                running.countDown();
                await(release);
            }
            done.release();
            return true;
        })) {
            requests.request();
            await(running);
            for (int i = 0; i < 5; i++) {
                requests.request(); // a burst of plugin arrivals during the first restore
            }
            release.countDown();
            done.acquire(2);
            requests.request();
            done.acquire(1);
            assertEquals(3, restores.get(), "the first, one for the burst, one for the last request");
        }
    }

    @Test
    void aRequestThatCannotBeServedYetWaitsForTheNextOne() throws Exception {
        AtomicBoolean shimBound = new AtomicBoolean();
        Semaphore asked = new Semaphore(0);
        AtomicInteger restores = new AtomicInteger();
        try (RestoreRequests requests = new RestoreRequests(() -> {
            try {
                if (!shimBound.get()) {
                    return false;
                }
                restores.incrementAndGet();
                return true;
            } finally {
                asked.release(); // once the answer is decided: the test reads the count after this
            }
        })) {
            requests.request();
            asked.acquire();
            assertEquals(0, restores.get());
            shimBound.set(true);
            requests.request(); // the missing binding's arrival
            asked.acquire();
            assertEquals(1, restores.get());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
