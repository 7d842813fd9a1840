package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Restore requests are served off the caller's thread, coalesced, kept until they can be served, and tried again as
 * after a patience.
 */
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
        }, () -> "nothing", Duration.ofMinutes(10))) {
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
        }, () -> "the shim", Duration.ofMinutes(10))) {
            requests.request();
            asked.acquire();
            assertEquals(0, restores.get());
            shimBound.set(true);
            requests.request(); // the missing binding's arrival
            asked.acquire();
            assertEquals(1, restores.get());
        }
    }

    @Test
    void aRequestLeftWaitingIsTriedAgainAfterAPatienceAndSaysWhatItWaitsFor() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch servedByTheRetry = new CountDownLatch(1);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(RestoreRequests.class.getName());
        log.addHandler(capture);
        try (RestoreRequests requests = new RestoreRequests(() -> {
            if (calls.incrementAndGet() == 1) {
                return false; // and no other request comes: only the retry can serve it
            }
            servedByTheRetry.countDown();
            return true;
        }, () -> "the restore bundle's RestoreControl", Duration.ofMillis(20))) {
            requests.request();
            await(servedByTheRetry);
            assertEquals(2, calls.get(), "once as asked, once by the retry");
            assertTrue(warnings.contains("a restore asked for 0 s ago has not run yet: it waits for the restore"
                    + " bundle's RestoreControl"), warnings.toString());
        } finally {
            log.removeHandler(capture);
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
