package io.holdfast.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.SocketHolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios 1 and 3: N running containers, the engine SIGKILLed and started again, timed to the socket answering
 * and to all N listed as running with their original pids; and memory, idle and with N containers.
 */
final class RestoreBench {
    private RestoreBench() {
    }

    static List<Figure> run(int n, int repetitions) throws Exception {
        List<Figure> figures = new ArrayList<>();
        String scenario = "restore after SIGKILL, N=" + n;
        // a /16 of its own: the test engines' /24 holds only 253 bridged containers
        try (Engine engine = new Engine(java.util.Map.of("bip", "10.216.0.1/16"))) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            long idleRss = ProcStats.rssKiB(engine.pid());
            long idleHeap = ProcStats.liveHeapKiB(engine.pid());

            Map<String, Long> pids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String id = api.runDetached(List.of("sleep", "1000000"));
                pids.put(id, api.pid(id));
            }
            figures.addAll(memory(engine, n, idleRss, idleHeap));

            List<Restart> restarts = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) {
                engine.kill9();
                long t0 = System.nanoTime();
                engine.begin();
                restarts.add(Restart.timed(engine, api, pids, t0));
            }
            figures.addAll(Restart.figures(scenario, restarts, "engine start to socket answering",
                    "connections refused while it starts (a client retrying every 2 ms)"));
            engine.kill9();
            figures.addAll(withHeldSocket(engine, repetitions, pids));
        }
        return figures;
    }

    /**
     * The same restarts with the socket held as systemd's {@code holdfast.socket} holds it: timed to the first
     * {@code /_ping} answered (the launcher answers it, {@code EarlySocket}) and to all N running; refused attempts
     * are counted (there should be none).
     */
    private static List<Figure> withHeldSocket(Engine engine, int repetitions, Map<String, Long> pids)
            throws Exception {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(engine.host().substring("unix://".length())));
        List<Restart> restarts = new ArrayList<>();
        Api api = Api.of(engine);
        try (SocketHolder held = SocketHolder.bind(engine)) {
            for (int r = 0; r < repetitions; r++) {
                long t0 = System.nanoTime();
                long pid = held.startEngine();
                restarts.add(Restart.timed(engine, api, pids, t0));
                held.kill9(pid);
            }
        }
        return Restart.figures("restore after SIGKILL, socket held (holdfast.socket), N=" + pids.size(), restarts,
                "engine start to /_ping answered", "connections refused while it starts");
    }

    /** One restart, timed from just before the engine's exec. */
    private record Restart(double toPing, int refused, double toAllRunning) {

        /** Waits for the ping, then for every container in {@code pids} running with its pid. */
        static Restart timed(Engine engine, Api api, Map<String, Long> pids, long t0) throws Exception {
            int refused = Bench.awaitPing(engine);
            double toPing = (System.nanoTime() - t0) / 1e6;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (runningCount(api) < pids.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not all " + pids.size() + " containers came back running");
                }
                Thread.sleep(2);
            }
            double toAllRunning = (System.nanoTime() - t0) / 1e6;
            samePids(api, pids);
            return new Restart(toPing, refused, toAllRunning);
        }

        static List<Figure> figures(String scenario, List<Restart> restarts, String ping, String refused) {
            Stats p = Stats.of(restarts.stream().map(Restart::toPing).toList());
            Stats f = Stats.of(restarts.stream().map(r -> (double) r.refused()).toList());
            Stats a = Stats.of(restarts.stream().map(Restart::toAllRunning).toList());
            return List.of(new Figure(scenario, ping, p.median(), "ms", p.spread()),
                    new Figure(scenario, refused, f.median(), "", f.spread()),
                    new Figure(scenario, "engine start to all N running, same pids", a.median(), "ms", a.spread()));
        }
    }

    /** Not timed: every container kept its pid. */
    private static void samePids(Api api, Map<String, Long> pids) throws Exception {
        for (var entry : pids.entrySet()) {
            long pid = api.pid(entry.getKey());
            if (pid != entry.getValue()) {
                throw new IllegalStateException(entry.getKey() + " came back with pid " + pid + ", not "
                        + entry.getValue());
            }
        }
    }

    private static int runningCount(Api api) throws Exception {
        JsonNode list = api.request("GET", "/containers/json").json();
        int running = 0;
        for (JsonNode c : list) {
            if (c.path("State").asText().equals("running")) {
                running++;
            }
        }
        return running;
    }

    /**
     * How long the engine is left without requests before its settled RSS is read: G1 gives memory back after a
     * marking, which holdfastd has it run after 10 s without a collection; with 300 containers just made, by hand, the
     * memory came back between 10 and 20 s after the last run.
     */
    private static final long SETTLE_MILLIS = 30_000;

    private static List<Figure> memory(Engine engine, int n, long idleRss, long idleHeap) throws Exception {
        long rss = ProcStats.rssKiB(engine.pid());
        Thread.sleep(SETTLE_MILLIS);
        long settledRss = ProcStats.rssKiB(engine.pid());
        long heap = ProcStats.liveHeapKiB(engine.pid());
        List<Long> monitors = ProcStats.conmonPids(engine.root());
        long monitorRss = monitors.stream().mapToLong(ProcStats::rssKiB).sum();
        String scenario = "memory, N=" + n;
        return List.of(
                new Figure(scenario, "engine RSS idle", idleRss / 1024.0, "MiB", "no containers"),
                new Figure(scenario, "engine RSS with N containers", rss / 1024.0, "MiB", "right after the N runs"),
                new Figure(scenario, "engine RSS with N containers, settled", settledRss / 1024.0, "MiB",
                        SETTLE_MILLIS / 1000 + " s later, no request meanwhile"),
                new Figure(scenario, "engine live heap per container", Math.max(0, heap - idleHeap) / (double) n,
                        "KiB", "after full GC: " + idleHeap + " KiB idle, " + heap + " KiB with N"),
                new Figure(scenario, "monitor (conmon) RSS per container", monitorRss / (double) monitors.size(),
                        "KiB", monitors.size() + " monitors"),
                new Figure(scenario, "per-container overhead (monitor RSS + engine heap)",
                        (monitorRss + Math.max(0, heap - idleHeap)) / (double) n, "KiB", ""));
    }
}
