package io.holdfast.routes;

import io.holdfast.routes.views.StatsView;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStats;
import io.holdfast.spi.container.ContainerTop;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/** What a running container uses: {@code top} and {@code stats}, one-shot or streamed, in Docker's shapes. */
final class ContainerUsageRoutes {
    /** Docker's collector samples once a second. */
    private static final long INTERVAL_MILLIS = 1000;

    private final Supplier<Containers> containers;

    ContainerUsageRoutes(Supplier<Containers> containers) {
        this.containers = containers;
    }

    void register(Router router) {
        router.add("GET", "/containers/{id}/top", this::top)
                .add("GET", "/containers/{id}/stats", this::stats);
    }

    private void top(ApiExchange e) throws IOException {
        ContainerTop top = containers.get().top(e.pathParam(0), e.query("ps_args"));
        e.sendJson(200, Map.of("Titles", top.titles(), "Processes", top.processes()));
    }

    /**
     * {@code stream} (default true) sends a sample a second until the container stops or the client leaves;
     * {@code stream=0} sends one, taken a second after a first so that {@code precpu_stats} is set (as moby does),
     * unless {@code one-shot=1} asks for it at once.
     */
    private void stats(ApiExchange e) throws Exception {
        Containers c = containers.get();
        ContainerRecord record = c.get(e.pathParam(0));
        boolean stream = e.query("stream") == null || e.query("stream").isEmpty() || e.flag("stream");
        ContainerStats first = c.stats(record.id());
        if (!stream) {
            if (e.flag("one-shot")) {
                e.sendJson(200, StatsView.of(record, first, null));
                return;
            }
            Thread.sleep(INTERVAL_MILLIS);
            e.sendJson(200, StatsView.of(record, c.stats(record.id()), first));
            return;
        }
        try (OutputStream out = e.stream(200, "application/json")) {
            ContainerStats previous = null;
            ContainerStats now = first;
            while (true) {
                out.write(ApiExchange.JSON.writeValueAsBytes(StatsView.of(record, now, previous)));
                out.write('\n');
                out.flush();
                Thread.sleep(INTERVAL_MILLIS);
                previous = now;
                try {
                    now = c.stats(record.id());
                } catch (EngineException stopped) {
                    return; // the container stopped: the stream ends, as Docker's does
                }
            }
        } catch (IOException clientLeft) {
            // the client closed the connection: nothing more to send
        }
    }
}
