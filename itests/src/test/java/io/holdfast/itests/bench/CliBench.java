package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI beside the stock docker client on the same engine: {@code ps} with 10 running containers and {@code run -d},
 * wall time from spawn to exit, the two clients taking turns so that both see the same machine. The docker client
 * is Debian's (the one CI installs), talking to Holdfast's socket.
 */
final class CliBench {
    private static final int CONTAINERS = 10;

    private CliBench() {
    }

    static List<Figure> run(int reps) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            for (int i = 0; i < CONTAINERS; i++) {
                api.runDetached(List.of("sleep", "1000000"));
            }
            Cli holdfast = engine.cli();
            DockerCli docker = DockerCli.of(engine);
            holdfast.ok("ps"); // not timed: both binaries and their libraries into the page cache
            docker.ok("ps");

            List<Double> holdfastPs = new ArrayList<>();
            List<Double> dockerPs = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                holdfastPs.add(millis(() -> holdfast.ok("ps")));
                dockerPs.add(millis(() -> docker.ok("ps")));
            }
            String detail = ", " + CONTAINERS + " running containers";
            add(figures, "holdfast ps" + detail, holdfastPs);
            add(figures, "docker ps (" + docker.binary() + ", same engine)" + detail, dockerPs);

            List<Double> holdfastRun = new ArrayList<>();
            List<Double> dockerRun = new ArrayList<>();
            for (int i = 0; i < Math.max(5, reps / 2); i++) {
                holdfastRun.add(millis(() -> holdfast.ok("run", "-d", "busybox", "sleep", "1000000")));
                dockerRun.add(millis(() -> docker.ok("run", "-d", "busybox", "sleep", "1000000")));
            }
            add(figures, "holdfast run -d", holdfastRun);
            add(figures, "docker run -d (" + docker.binary() + ", same engine)", dockerRun);
        }
        return figures;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double millis(Call call) throws Exception {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void add(List<Figure> figures, String scenario, List<Double> samples) {
        Stats s = Stats.of(samples);
        figures.add(new Figure(scenario, "median", s.median(), "ms", s.spread()));
        figures.add(new Figure(scenario, "p90", s.percentile(90), "ms", s.spread()));
    }
}
