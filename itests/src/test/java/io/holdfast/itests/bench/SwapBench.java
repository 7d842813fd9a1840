package io.holdfast.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.ApiPoller;
import io.holdfast.itests.support.Arrivals;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: the restore bundle hot-swapped {@code swaps} times in a row (each jar a new Bundle-Version dropped into
 * the engine's own copy of the distribution, applied with {@code POST /system/reload}) while N containers run, an API
 * client polls back to back and a log reader follows a container that prints a counter every 10 ms. The same gaps
 * are measured over a quiet window before the swaps, so what the swaps add can be told from what is always there.
 */
final class SwapBench {
    private static final long TICK_MILLIS = 10;
    private static final long REPORT_TIMEOUT_NANOS = 60_000_000_000L;
    /** Measured like the swaps but with none: what the gaps are without them (follow polling, GC, a busy host). */
    private static final long QUIET_MILLIS = 5_000;

    private SwapBench() {
    }

    static List<Figure> run(int n, int swaps) throws Exception {
        String scenario = "restore bundle swapped " + swaps + "x, N=" + n;
        // a /16 of its own, as for the restore scenario: a /24 holds only 253 bridged containers
        try (Engine engine = new Engine(Map.of("bip", "10.217.0.1/16"))) {
            Path dist = engine.useOwnDistribution();
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            Map<String, Long> pids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String id = api.runDetached(List.of("sleep", "1000000"));
                pids.put(id, api.pid(id));
            }
            String ticker = api.runDetached(List.of("sh", "-c",
                    "i=0; while true; do echo $i; i=$((i+1)); usleep " + TICK_MILLIS * 1000 + "; done"));
            pids.put(ticker, api.pid(ticker));

            Path original = BundleJars.original(dist, "restore-");
            String startedAt = api.request("GET", "/restore/report").json().path("StartedAt").asText();
            List<Double> swapMillis = new ArrayList<>();
            List<Double> reloadMillis = new ArrayList<>();
            int notAdopted = 0;
            List<Figure> figures;
            try (ApiPoller poller = new ApiPoller(api, n + 1);
                 LogFollower follower = new LogFollower(Path.of(engine.host().substring("unix://".length())),
                         ticker)) {
                Await.until("the API poller and the log follower to be under way", Duration.ofSeconds(60),
                        () -> poller.answered() > 0 && follower.received() > 0);
                Window quiet = new Window(System.nanoTime(), System.nanoTime() + QUIET_MILLIS * 1_000_000);
                Thread.sleep(QUIET_MILLIS);
                long start = System.nanoTime();
                for (int swap = 1; swap <= swaps; swap++) {
                    Path jar = BundleJars.withVersion(original, engine.root().resolve("restore-next.jar"),
                            "0.2." + swap);
                    BundleJars.deploy(jar, dist, "restore.jar");
                    long t0 = System.nanoTime();
                    Api.Response reload = api.request("POST", "/system/reload");
                    if (reload.status() != 200) {
                        throw new IllegalStateException("swap " + swap + ": POST /system/reload answered "
                                + reload.status() + " " + reload.body());
                    }
                    JsonNode report = awaitNewRestore(api, startedAt, swap);
                    swapMillis.add((System.nanoTime() - t0) / 1e6);
                    reloadMillis.add(reload.json().path("DurationMillis").asDouble());
                    startedAt = report.path("StartedAt").asText();
                    for (JsonNode entry : report.path("Containers")) {
                        notAdopted += entry.path("Outcome").asText().equals("adopted") ? 0 : 1;
                    }
                }
                long end = System.nanoTime();
                // the log reader catches up with the lines written during the last swap
                int written = api.logLines(ticker, "").size();
                Await.until("the log follower to catch up", Duration.ofSeconds(60),
                        () -> follower.received() >= written);
                poller.close(); // stops both before their records are read; closing again is harmless
                follower.close();
                figures = figures(scenario, swapMillis, reloadMillis, notAdopted, poller, follower,
                        new Window(start, end), quiet);
            }
            for (var entry : pids.entrySet()) { // not timed: the swaps touched no container
                if (api.pid(entry.getKey()) != entry.getValue()) {
                    throw new IllegalStateException(entry.getKey() + " has another pid after the swaps");
                }
            }
            return figures;
        }
    }

    private static List<Figure> figures(String scenario, List<Double> swapMillis, List<Double> reloadMillis,
            int notAdopted, ApiPoller poller, LogFollower follower, Window swaps, Window quiet) {
        if (follower.broken() != null) {
            throw new IllegalStateException("the followed log stream ended during the swaps", follower.broken());
        }
        Stats swap = Stats.of(swapMillis);
        Stats reload = Stats.of(reloadMillis);
        String adopted = notAdopted == 0 ? "every container adopted in every restore"
                : notAdopted + " restore entries not adopted";
        return List.of(
                new Figure(scenario, "reload request to new restore report published, median", swap.median(), "ms",
                        swap.spread() + "; " + adopted),
                new Figure(scenario, "reload request to new restore report published, p99", swap.percentile(99),
                        "ms", "report polled back to back"),
                new Figure(scenario, "reload's own duration (DurationMillis), median", reload.median(), "ms",
                        reload.spread()),
                new Figure(scenario, "reload's own duration (DurationMillis), p99", reload.percentile(99), "ms", ""),
                new Figure(scenario, "longest gap between API answers (GET /containers/json back to back)",
                        swaps.longestGap(poller.answers()), "ms", String.format("%.2f ms in %d s without swaps "
                        + "before; %d answers in all", quiet.longestGap(poller.answers()), QUIET_MILLIS / 1000,
                        poller.answers().count())),
                new Figure(scenario, "failed API requests", poller.failures(), "requests", "must be 0"
                        + (poller.firstFailure() == null ? "" : "; first: " + poller.firstFailure())),
                new Figure(scenario, "longest gap between followed log lines", swaps.longestGap(follower.lines()),
                        "ms", String.format("%.2f ms in %d s without swaps before; the ticker writes a line every %d "
                        + "ms (%.1f ms measured); a follow polls the log file every 50 ms",
                        quiet.longestGap(follower.lines()), QUIET_MILLIS / 1000, TICK_MILLIS,
                        follower.written().meanIntervalMillis(swaps.start(), swaps.end()))),
                new Figure(scenario, "longest gap between log lines as written (conmon's timestamps)",
                        swaps.longestGap(follower.written()), "ms", String.format("%.2f ms without swaps; the "
                        + "writer's own pauses: above this, the reader's gap is the engine's",
                        quiet.longestGap(follower.written()))),
                new Figure(scenario, "log lines lost or out of order", follower.lost() + follower.outOfOrder(),
                        "lines", "must be 0; " + follower.lines().count() + " lines followed"));
    }

    /** A span of {@link System#nanoTime}. */
    private record Window(long start, long end) {
        double longestGap(Arrivals arrivals) {
            return arrivals.longestGapMillis(start, end);
        }
    }

    /** Polls {@code GET /restore/report} back to back until its StartedAt is no longer {@code previous}. */
    private static JsonNode awaitNewRestore(Api api, String previous, int swap) throws Exception {
        long deadline = System.nanoTime() + REPORT_TIMEOUT_NANOS;
        while (true) {
            Api.Response r = api.request("GET", "/restore/report");
            if (r.status() == 200 && !r.json().path("StartedAt").asText().equals(previous)) {
                return r.json();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("swap " + swap + ": no new restore report within 60 s; last answer "
                        + r.status() + " " + r.body());
            }
        }
    }
}
