package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 2: {@code run -d} latency (create + start, until the container's process runs), sequential and with 4
 * concurrent clients, through the API and through the CLI (which adds a JVM start), beside the floor: the same
 * container started by conmon and runc alone.
 */
final class RunLatencyBench {
    private RunLatencyBench() {
    }

    static List<Figure> run(int sequential, int perClient, int clients) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            api.runDetached(List.of("true")); // warm-up

            List<Double> seq = new ArrayList<>();
            for (int i = 0; i < sequential; i++) {
                long t0 = System.nanoTime();
                api.runDetached(List.of("sleep", "1000000"));
                seq.add((System.nanoTime() - t0) / 1e6);
            }
            add(figures, "run -d via API, sequential", seq);

            List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perClient; i++) {
                            long t0 = System.nanoTime();
                            api.runDetached(List.of("sleep", "1000000"));
                            concurrent.add((System.nanoTime() - t0) / 1e6);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            add(figures, "run -d via API, " + clients + " concurrent clients", concurrent);

            List<Double> cli = new ArrayList<>();
            for (int i = 0; i < Math.max(5, sequential / 3); i++) {
                long t0 = System.nanoTime();
                engine.cli().ok("run", "-d", "busybox", "sleep", "1000000");
                cli.add((System.nanoTime() - t0) / 1e6);
            }
            add(figures, "holdfast run -d (CLI, incl. its JVM), sequential", cli);

            add(figures, "floor: conmon + runc, no engine, sequential", new RuntimeFloor(engine).measure(sequential));
        }
        return figures;
    }

    private static void add(List<Figure> figures, String scenario, List<Double> samples) {
        Stats s = Stats.of(samples);
        figures.add(new Figure(scenario, "median", s.median(), "ms", s.spread()));
        figures.add(new Figure(scenario, "p99", s.percentile(99), "ms", s.spread()));
    }
}
