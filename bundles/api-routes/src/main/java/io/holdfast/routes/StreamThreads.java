package io.holdfast.routes;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EofException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The threads of the API's long responses, apart from Jetty's request threads so that no number of them can starve
 * {@code /_ping}, {@code ps} or {@code stop}: one timer that drives every event stream and {@code removed} wait, and
 * a bounded pool for {@code logs -f}, whose reader blocks on the log file ({@value #LOG_FOLLOWERS} at a time; more
 * wait for a free one). It lives as long as this bundle: streams opened by one {@link ApiHandler} revision outlive
 * it across a supervisor swap. Private to this bundle (its package is not exported).
 */
@Component(service = StreamThreads.class, immediate = true) // lives as long as the bundle, not only while used
public class StreamThreads {
    static final int LOG_FOLLOWERS = 256;

    private final Set<OpenResponse> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(named("holdfast-api-streams"));
    private final ThreadPoolExecutor followers = new ThreadPoolExecutor(LOG_FOLLOWERS, LOG_FOLLOWERS, 30,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("holdfast-api-logs-follow"));

    public StreamThreads() {
        followers.allowCoreThreadTimeOut(true);
    }

    /** Ends {@code response} if this bundle stops first (an API bundle swap); returns it. */
    OpenResponse track(OpenResponse response) {
        open.add(response);
        response.onEnd(() -> open.remove(response));
        return response;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Executor logFollowers() {
        return followers;
    }

    @Deactivate
    void deactivate() {
        // the streams of a revision of this bundle that is going away end: their clients see the end and may ask
        // the next revision, instead of waiting for good on a timer that no longer runs
        for (OpenResponse response : List.copyOf(open)) {
            response.fail(new EofException("the API bundle (api-routes) is stopping"));
        }
        timer.shutdownNow();
        followers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
