package io.holdfast.logging;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The engine's events: the last {@value #RETAINED} in memory for replay, every one appended to
 * {@code <data-root>/events.log} by a writer thread of its own, so publishers never wait for the disk, and handed to
 * the subscribers by a dispatcher thread of its own, so publishers never wait for them either (a {@code stop} with
 * 3,333 {@code /events} streams open published to each of them three times on its own request thread). It lives in
 * the logging bundle, which stays up while the supervisor is swapped, and reloads the file's tail on activation, so
 * {@code since} reaches back across both.
 */
@Component(service = EngineEvents.class)
public class EventJournal implements EngineEvents {
    private static final Logger LOG = Logger.getLogger(EventJournal.class.getName());
    static final int RETAINED = 1024;
    static final int SUBSCRIBER_QUEUE = 256;
    static final long FILE_LIMIT_BYTES = 4L * 1024 * 1024;
    private static final int WRITE_BACKLOG = 4096;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    private final Object lock = new Object();
    private final ArrayDeque<EngineEvent> retained = new ArrayDeque<>();
    private final List<QueuedSubscription> subscribers = new ArrayList<>();
    /** Published, not yet handed to the subscribers; in order. */
    private final ArrayDeque<Numbered> undispatched = new ArrayDeque<>();
    /** The number of the last event published (the first is 1). */
    private long published;
    /** A dispatch is queued; publishes meanwhile are folded into it. */
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private int capacity;
    private int subscriberQueue;
    private EventFile file;
    private ThreadPoolExecutor writer;
    private ExecutorService dispatcher;

    @Activate
    void activate() throws IOException {
        open(Path.of(config.dataRoot()), RETAINED, SUBSCRIBER_QUEUE, FILE_LIMIT_BYTES);
    }

    /** Loads the retained events from {@code dataRoot/events.log} and starts the writer; tests call it directly. */
    void open(Path dataRoot, int retainedCount, int queuePerSubscriber, long fileLimitBytes) throws IOException {
        capacity = retainedCount;
        subscriberQueue = queuePerSubscriber;
        file = new EventFile(dataRoot.resolve("events.log"), fileLimitBytes);
        retained.addAll(file.loadLast(retainedCount));
        writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WRITE_BACKLOG),
                r -> new Thread(r, "holdfast-events-writer"),
                (task, pool) -> LOG.warning(pool.isShutdown() ? "an event published while the journal stops is not"
                        + " written to events.log" : "events.log is " + WRITE_BACKLOG + " events behind; an event is"
                        + " kept in memory only"));
        dispatcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "holdfast-events-dispatch"));
        LOG.fine(() -> "event journal loaded " + retained.size() + " event(s)");
    }

    @Deactivate
    void deactivate() throws InterruptedException, IOException {
        synchronized (lock) {
            subscribers.forEach(s -> s.end("the event journal stopped"));
            subscribers.clear();
            undispatched.clear();
        }
        dispatcher.shutdownNow(); // every subscriber has ended: nothing is left to hand out
        writer.shutdown(); // what was published is still written
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warning("events.log: writes still pending after 5 s were abandoned");
            writer.shutdownNow();
        }
        file.close();
    }

    @Override
    public void publish(EngineEvent event) {
        synchronized (lock) { // one order for memory, subscribers and file
            retained.addLast(event);
            if (retained.size() > capacity) {
                retained.removeFirst();
            }
            undispatched.addLast(new Numbered(++published, event));
            writer.execute(() -> write(event));
        }
        if (dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::dispatch);
            } catch (RejectedExecutionException stopping) {
                // the journal is stopping and has ended every subscriber
            }
        }
    }

    /**
     * Hands what was published since the last turn to every subscriber, on the dispatcher thread, outside the lock:
     * a publisher or a new subscriber waits only for the hand-over of the lists, never for the subscribers.
     */
    private void dispatch() {
        dispatchQueued.set(false); // before taking the events: one published from here on queues another turn
        Numbered[] events;
        QueuedSubscription[] targets;
        synchronized (lock) {
            events = undispatched.toArray(new Numbered[0]);
            undispatched.clear();
            targets = subscribers.toArray(new QueuedSubscription[0]);
        }
        for (QueuedSubscription subscription : targets) {
            for (Numbered numbered : events) {
                // one that subscribed after this event was published replayed it already, or asked for none
                if (numbered.number() >= subscription.firstLive() && !subscription.offer(numbered.event())) {
                    drop(subscription);
                    break;
                }
            }
        }
    }

    private void drop(QueuedSubscription subscription) {
        synchronized (lock) {
            subscribers.remove(subscription);
        }
        subscription.end("the subscriber fell " + subscriberQueue + " events behind and was dropped");
    }

    private void write(EngineEvent event) {
        try {
            file.append(event);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot append to events.log; the event is kept in memory only", e);
        }
    }

    @Override
    public EventSubscription subscribe(Instant since) {
        synchronized (lock) { // replay and registration in one step: no event is missed or seen twice
            QueuedSubscription subscription = new QueuedSubscription(since == null ? List.of() : since(since),
                    published + 1, subscriberQueue, this::unsubscribe);
            subscribers.add(subscription);
            return subscription;
        }
    }

    @Override
    public List<EngineEvent> retained(Instant since) {
        synchronized (lock) {
            return since(since == null ? Instant.MIN : since);
        }
    }

    private List<EngineEvent> since(Instant since) {
        return retained.stream().filter(e -> !e.time().isBefore(since)).toList();
    }

    private void unsubscribe(QueuedSubscription subscription) {
        synchronized (lock) {
            subscribers.remove(subscription);
        }
    }

    /** An event and its place in the order of publication. */
    private record Numbered(long number, EngineEvent event) {
    }
}
