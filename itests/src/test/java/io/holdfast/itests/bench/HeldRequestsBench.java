package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.HeldRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 14's "an API no client can wedge": {@code held} clients hold {@code wait}, {@code logs -f} and
 * {@code events} requests open (a third each) while {@code /_ping}, {@code ps} ({@code GET /containers/json}) and
 * {@code stop} are timed. Mind {@code ulimit -n}: each held request is a descriptor here and one in the engine.
 */
final class HeldRequestsBench {
    private static final Duration ANSWER = Duration.ofSeconds(60);
    /** Containers stopped one after another (each {@code stop -t 0} timed), as a user's loop would. */
    private static final int STOPS = 20;
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("holdfast.bench.idle", 15));

    private HeldRequestsBench() {
    }

    static List<Figure> run(int held) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            String target = api.runDetached(List.of("sleep", "1000000"));
            List<String> toStop = new ArrayList<>();
            for (int i = 0; i < STOPS; i++) {
                toStop.add(api.runDetached(List.of("sleep", "1000000")));
            }
            // an engine's first stop loads and compiles the stop path, held clients or not: timed apart, before the
            // crowd, so that the figures with the crowd show what the crowd costs
            String first = api.runDetached(List.of("sleep", "1000000"));
            long firstStart = System.nanoTime();
            api.request("POST", "/containers/" + first + "/stop?t=0");
            figures.add(new Figure("first stop -t 0 after the engine started, nothing held", "time",
                    (System.nanoTime() - firstStart) / 1e6, "ms", "n=1"));
            List<HeldRequest> crowd = new ArrayList<>();
            try {
                for (int i = 0; i < held; i++) {
                    HeldRequest request = switch (i % 3) {
                        case 0 -> HeldRequest.open(engine, "POST", "/containers/" + target + "/wait");
                        case 1 -> HeldRequest.open(engine, "GET", "/containers/" + target
                                + "/logs?stdout=1&follow=1");
                        default -> HeldRequest.open(engine, "GET", "/events");
                    };
                    crowd.add(request);
                    if (request.status(ANSWER) != 200) {
                        throw new IllegalStateException("held request " + i + " was refused");
                    }
                }
                String with = "with " + held + " wait/logs -f/events clients held";
                figures.add(new Figure("engine CPU while idle " + with, "mean", idleCpuPercent(engine.pid()), "%",
                        "over " + IDLE.toSeconds() + " s, of one core"));
                add(figures, "/_ping " + with, time(50, () -> api.request("GET", "/_ping")));
                add(figures, "ps (GET /containers/json) " + with, time(20, () -> api.request("GET",
                        "/containers/json")));
                List<Double> stops = new ArrayList<>();
                for (String id : toStop) {
                    long t0 = System.nanoTime();
                    api.request("POST", "/containers/" + id + "/stop?t=0");
                    stops.add((System.nanoTime() - t0) / 1e6);
                }
                add(figures, "stop -t 0 " + with, stops);
                // where the slow ones fall in the sequence: a first stop that pays for cold paths reads apart
                System.out.println("held bench: stop -t 0 times in order (ms): " + stops.stream()
                        .map(t -> String.valueOf(Math.round(t))).toList());
            } finally {
                for (HeldRequest request : crowd) {
                    request.close();
                }
            }
        }
        return figures;
    }

    /** The share of one core the engine used over {@link #IDLE} in which no request came: what held clients cost. */
    private static double idleCpuPercent(long pid) throws InterruptedException {
        ProcessHandle engine = ProcessHandle.of(pid).orElseThrow();
        long before = engine.info().totalCpuDuration().orElseThrow().toNanos();
        long t0 = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        long used = engine.info().totalCpuDuration().orElseThrow().toNanos() - before;
        return 100.0 * used / (System.nanoTime() - t0);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static List<Double> time(int count, Call call) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            call.run();
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        return samples;
    }

    private static void add(List<Figure> figures, String scenario, List<Double> samples) {
        Stats s = Stats.of(samples);
        figures.add(new Figure(scenario, "median", s.median(), "ms", s.spread()));
        figures.add(new Figure(scenario, "p90", s.percentile(90), "ms", s.spread()));
        figures.add(new Figure(scenario, "p99", s.percentile(99), "ms", s.spread()));
    }
}
