package io.holdfast.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EventSubscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456789Z");

    @TempDir
    Path dataRoot;
    private final List<EventJournal> opened = new ArrayList<>();

    @AfterEach
    void deactivateAll() throws Exception {
        for (EventJournal journal : opened) {
            journal.deactivate();
        }
    }

    private EventJournal journal(int retained, int queue, long fileLimit) throws Exception {
        EventJournal journal = new EventJournal();
        journal.open(dataRoot, retained, queue, fileLimit);
        opened.add(journal);
        return journal;
    }

    /** Deactivating flushes the writer, so the file is complete afterwards. */
    private void stop(EventJournal journal) throws Exception {
        opened.remove(journal);
        journal.deactivate();
    }

    private static EngineEvent event(String action, int second) {
        return new EngineEvent(EngineEvent.CONTAINER, action, "c" + second, Map.of("name", "web", "exitCode", "3"),
                T0.plusSeconds(second));
    }

    private static List<String> actions(List<EngineEvent> events) {
        return events.stream().map(EngineEvent::action).toList();
    }

    /** A reader needs no thread and no poll: it is told of each queued event and of the end. */
    @Test
    void aSubscriberIsToldOfEachQueuedEventAndOfItsEnd() throws Exception {
        EventJournal journal = journal(16, 2, 1 << 20);
        EventSubscription subscription = journal.subscribe(null);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        subscription.onReady(told::incrementAndGet);
        journal.publish(event("start", 1));
        awaitTrue(() -> told.get() == 1);
        journal.publish(event("die", 2));
        awaitTrue(() -> told.get() == 2);
        journal.publish(event("stop", 3)); // the queue of 2 is full: the journal drops the subscriber, which ends it
        awaitTrue(() -> told.get() == 3);
        assertFalse(subscription.isOpen());
        assertEquals(List.of("start", "die"), actions(List.of(subscription.next(Duration.ZERO).orElseThrow(),
                subscription.next(Duration.ZERO).orElseThrow())));
        assertTrue(subscription.next(Duration.ZERO).isEmpty());
    }

    /** The publisher is a request thread (a stop): it never runs a subscriber's code, nor waits for one. */
    @Test
    void publishingNeverWaitsForASubscriber() throws Exception {
        EventJournal journal = journal(16, 16, 1 << 20);
        EventSubscription stuck = journal.subscribe(null);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        stuck.onReady(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                journal.publish(event("start", 1)); // the dispatcher is now stuck in this subscriber's wake-up
                journal.publish(event("die", 2));
                journal.publish(event("stop", 3));
            });
            assertEquals(List.of("start", "die", "stop"), actions(journal.retained(null)));
        } finally {
            release.countDown();
        }
        assertEquals("start", stuck.next(Duration.ofSeconds(5)).orElseThrow().action());
    }

    /**
     * A subscriber that comes while events are on their way to the others gets each event once: the ones published
     * before it came by its replay, the later ones live.
     */
    @Test
    void aSubscriberThatComesWhileEventsAreDispatchedSeesEachOnceInOrder() throws Exception {
        int count = 3000;
        EventJournal journal = journal(count, count, 1 << 24);
        Thread publisher = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                journal.publish(event("e" + i, i));
            }
        });
        publisher.start();
        List<EventSubscription> late = new ArrayList<>();
        while (publisher.isAlive() && late.size() < 50) {
            late.add(journal.subscribe(T0)); // since the first: replay, then live
        }
        publisher.join();
        assertTrue(late.size() > 1, "subscribed while the publisher ran");
        for (EventSubscription subscription : late) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                seen.add(subscription.next(Duration.ofSeconds(5)).orElseThrow(
                        () -> new AssertionError("missing after " + seen.size())).action());
            }
            assertEquals(Optional.empty(), subscription.next(Duration.ofMillis(50)), "nothing twice");
            for (int i = 0; i < count; i++) {
                assertEquals("e" + i, seen.get(i));
            }
            subscription.close();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 5 s");
            Thread.sleep(1);
        }
    }

    @Test
    void subscriberGetsTheRetainedEventsSinceItsTimeThenLiveOnes() throws Exception {
        EventJournal journal = journal(10, 10, 1 << 20);
        journal.publish(event("create", 0));
        journal.publish(event("start", 1));
        journal.publish(event("die", 2));

        try (EventSubscription subscription = journal.subscribe(T0.plusSeconds(1))) {
            journal.publish(event("destroy", 3));
            List<String> seen = new ArrayList<>();
            for (Optional<EngineEvent> next; (next = subscription.next(Duration.ofMillis(200))).isPresent(); ) {
                seen.add(next.get().action());
            }
            assertEquals(List.of("start", "die", "destroy"), seen);
        }
    }

    @Test
    void subscribingWithoutSinceDeliversOnlyLiveEvents() throws Exception {
        EventJournal journal = journal(10, 10, 1 << 20);
        journal.publish(event("create", 0));
        try (EventSubscription subscription = journal.subscribe(null)) {
            assertEquals(Optional.empty(), subscription.next(Duration.ofMillis(50)));
            journal.publish(event("start", 1));
            assertEquals("start", subscription.next(Duration.ofSeconds(5)).orElseThrow().action());
        }
    }

    @Test
    void onlyTheLastEventsAreRetained() throws Exception {
        EventJournal journal = journal(3, 10, 1 << 20);
        for (int i = 0; i < 5; i++) {
            journal.publish(event("a" + i, i));
        }
        assertEquals(List.of("a2", "a3", "a4"), actions(journal.retained(null)));
        assertEquals(List.of("a4"), actions(journal.retained(T0.plusSeconds(4))));
    }

    @Test
    void slowSubscriberIsDroppedWithoutBlockingThePublisher() throws Exception {
        EventJournal journal = journal(2000, 4, 1 << 20);
        EventSubscription slow = journal.subscribe(null);
        EventSubscription keepingUp = journal.subscribe(null);
        List<String> keptUpWith = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 1000; i++) {
                journal.publish(event("e" + i, i));
                keepingUp.next(Duration.ofSeconds(5)).ifPresent(e -> keptUpWith.add(e.action()));
            }
        });

        assertFalse(slow.isOpen());
        assertTrue(slow.endReason().orElseThrow().contains("fell 4 events behind"), slow.endReason().toString());
        List<String> slowGot = new ArrayList<>();
        for (Optional<EngineEvent> next; (next = slow.next(Duration.ofSeconds(1))).isPresent(); ) {
            slowGot.add(next.get().action());
        }
        assertEquals(List.of("e0", "e1", "e2", "e3"), slowGot, "what was queued before the drop is still handed out");
        assertTrue(keepingUp.isOpen());
        assertEquals(1000, keptUpWith.size());
        keepingUp.close();
    }

    @Test
    void closingWakesAWaitingReader() throws Exception {
        EventJournal journal = journal(10, 10, 1 << 20);
        EventSubscription subscription = journal.subscribe(null);
        Thread closer = new Thread(() -> {
            sleep(100);
            subscription.close();
        });
        closer.start();
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertEquals(Optional.empty(), subscription.next(Duration.ofSeconds(30))));
        assertFalse(subscription.isOpen());
        assertEquals(Optional.empty(), subscription.endReason());
        closer.join();
    }

    @Test
    void eventsAreReloadedFromTheFileAfterARestart() throws Exception {
        EventJournal first = journal(10, 10, 1 << 20);
        first.publish(event("create", 0));
        first.publish(event("die", 1));
        stop(first);

        EventJournal second = journal(10, 10, 1 << 20);
        List<EngineEvent> reloaded = second.retained(null);
        assertEquals(List.of(event("create", 0), event("die", 1)), reloaded, "nanoseconds and attributes included");
        try (EventSubscription subscription = second.subscribe(T0.plusSeconds(1))) {
            assertEquals("die", subscription.next(Duration.ofSeconds(5)).orElseThrow().action());
        }
    }

    @Test
    void lineCutShortByACrashIsSkippedAndDoesNotSwallowTheNextOne() throws Exception {
        EventJournal first = journal(10, 10, 1 << 20);
        first.publish(event("create", 0));
        stop(first);
        Files.write(dataRoot.resolve("events.log"), "{\"type\":\"contai".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        EventJournal second = journal(10, 10, 1 << 20);
        second.publish(event("start", 1));
        stop(second);

        assertEquals(List.of("create", "start"), actions(journal(10, 10, 1 << 20).retained(null)));
    }

    @Test
    void aRestartKeepsTheNewestEventsOfBothFilesAndACutLineDoesNotCountAmongThem() throws Exception {
        EventJournal first = journal(1000, 10, 2000);
        for (int i = 0; i < 30; i++) {
            first.publish(event("e" + i, i));
        }
        stop(first);
        assertTrue(Files.exists(dataRoot.resolve("events.log.1")));
        Files.write(dataRoot.resolve("events.log"), "{\"type\":\"contai\n".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        EventJournal second = journal(1000, 10, 2000);
        second.publish(event("e30", 30));
        stop(second);

        assertEquals(List.of("e26", "e27", "e28", "e29", "e30"), actions(journal(5, 10, 2000).retained(null)));
    }

    @Test
    void fileRotatesPastItsLimitAndBothFilesAreReloaded() throws Exception {
        long limit = 1000; // a few lines
        EventJournal first = journal(1000, 10, limit);
        for (int i = 0; i < 20; i++) {
            first.publish(event("e" + i, i));
        }
        stop(first);

        Path log = dataRoot.resolve("events.log");
        Path rotated = dataRoot.resolve("events.log.1");
        assertTrue(Files.exists(rotated));
        assertTrue(Files.size(log) <= limit, "events.log is " + Files.size(log) + " bytes");
        assertTrue(Files.size(rotated) <= limit, "events.log.1 is " + Files.size(rotated) + " bytes");

        List<String> reloaded = actions(journal(1000, 10, limit).retained(null));
        assertEquals("e19", reloaded.get(reloaded.size() - 1));
        int oldest = Integer.parseInt(reloaded.get(0).substring(1));
        assertEquals(20 - oldest, reloaded.size(), "a contiguous tail: " + reloaded);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
