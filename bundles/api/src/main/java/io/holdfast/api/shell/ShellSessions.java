package io.holdfast.api.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The open shell sessions of remote clients, by id. A session ends when its client deletes it, when its lease (the
 * client's open connection) is found gone, or when the engine stops; a heartbeat checks every lease every few
 * seconds.
 *
 * <pre>{@code
 * String id = sessions.open(lease -> ...);   // the lease ends the session when the client goes away
 * sessions.get(id).map(s -> s.exec("lb"));
 * sessions.close(id, "the client asked");
 * }</pre>
 */
final class ShellSessions implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ShellSessions.class.getName());
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A bound on what clients may hold open; each session is small, but not free. */
    static final int MAX_SESSIONS = 64;

    private record Open(ShellSession session, SessionLease lease) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "holdfast-shell-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ShellSessions() {
        long period = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(() -> open.values().forEach(o -> o.lease().heartbeat()), period, period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a new session; {@code leaseFor} makes its lease from the session's id and what to run when the
     * client is gone. Returns the id, or empty when {@link #MAX_SESSIONS} are open.
     */
    synchronized Optional<String> open(ShellSession session, Function<Runnable, SessionLease> leaseFor) {
        if (open.size() >= MAX_SESSIONS) {
            session.close();
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        SessionLease lease = leaseFor.apply(() -> close(id, "the client went away"));
        open.put(id, new Open(session, lease));
        LOG.info(() -> "shell session " + id + " opened (" + open.size() + " open)");
        return Optional.of(id);
    }

    Optional<ShellSession> get(String id) {
        return Optional.ofNullable(open.get(id)).map(Open::session);
    }

    SessionLease lease(String id) {
        Open o = open.get(id);
        return o == null ? null : o.lease();
    }

    /** Ends the session; false when there was none by that id. */
    boolean close(String id, String why) {
        Open o = open.remove(id);
        if (o == null) {
            return false;
        }
        LOG.info(() -> "shell session " + id + " closed: " + why);
        o.session().close();
        heartbeat.execute(o.lease()::finish);
        return true;
    }

    @Override
    public void close() {
        for (String id : List.copyOf(open.keySet())) {
            close(id, "the engine is stopping");
        }
        heartbeat.shutdown();
    }
}
