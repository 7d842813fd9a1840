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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * {@code <data-root>/events.log} by a writer thread of its own, so publishers never wait for the disk. It lives in the
 * logging bundle, which stays up while the supervisor is swapped, and reloads the file's tail on activation, so
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
    private int capacity;
    private int subscriberQueue;
    private EventFile file;
    private ThreadPoolExecutor writer;

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
        LOG.fine(() -> "event journal loaded " + retained.size() + " event(s)");
    }

    @Deactivate
    void deactivate() throws InterruptedException, IOException {
        synchronized (lock) {
            subscribers.forEach(s -> s.end("the event journal stopped"));
            subscribers.clear();
        }
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
            subscribers.removeIf(s -> {
                if (s.offer(event)) {
                    return false;
                }
                s.end("the subscriber fell " + subscriberQueue + " events behind and was dropped");
                return true;
            });
            writer.execute(() -> write(event));
        }
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
                    subscriberQueue, this::unsubscribe);
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
}
