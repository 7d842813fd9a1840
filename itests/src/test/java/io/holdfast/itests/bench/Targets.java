package io.holdfast.itests.bench;

import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * Issue 15's targets, each beside the figure of this run that measures it, and whether it is met; a target whose
 * figures the run did not measure (another {@code --only} or {@code --sizes}) says so.
 */
final class Targets {
    private static final double MIB_TO_MB = 1024 * 1024 / 1e6;

    private final List<Figure> figures;
    private final StringBuilder table = new StringBuilder("| target | this run | met |\n|---|---|---|\n");

    private Targets(List<Figure> figures) {
        this.figures = figures;
    }

    static String table(List<Figure> figures) {
        Targets t = new Targets(figures);
        String allRunning = "engine start to all N running, same pids";
        Optional<Double> n100 = t.find("restore after SIGKILL, N=100", allRunning);
        Optional<Double> n1000 = t.find("restore after SIGKILL, N=1000", allRunning);
        t.row("restart after SIGKILL to all running with the same pids, N=100: 400 ms", n100, "ms", v -> v <= 400);
        t.row("the same, N=1000: 1 s", n1000, "ms", v -> v <= 1000);
        t.row("per-container restore cost (N=1000 against N=100): 0.3 ms",
                n100.flatMap(a -> n1000.map(b -> (b - a) / 900)), "ms", v -> v <= 0.3);
        t.row("no connection refused across a restart (socket held by holdfast.socket)",
                t.worst("socket held", "connections refused while it starts"), "refused", v -> v == 0);
        t.row("first answer 0.5 s after the engine starts (socket held)",
                t.worst("socket held", "engine start to /_ping answered"), "ms", v -> v <= 500);
        t.row("holdfast ps with 10 containers: 150 ms", t.find("holdfast ps, 10 running containers", "median"), "ms",
                v -> v <= 150);
        Optional<Double> cliRun = t.find("holdfast run -d (CLI, incl. its JVM), sequential", "median");
        Optional<Double> floor = t.find("floor: conmon + runc, no engine, sequential", "median");
        t.row("holdfast run -d: 1.5x the conmon + runc floor of the same run",
                cliRun.flatMap(c -> floor.map(f -> c / f)), "x the floor", v -> v <= 1.5);
        t.row("engine RSS with 1000 containers: 120 MB",
                t.find("memory, N=1000", "engine RSS with N containers, settled").map(mib -> mib * MIB_TO_MB), "MB",
                v -> v <= 120);
        return t.table.toString();
    }

    private Optional<Double> find(String scenario, String metric) {
        return figures.stream().filter(f -> f.scenario().equals(scenario) && f.metric().equals(metric))
                .map(Figure::value).findFirst();
    }

    /** The largest value of {@code metric} among the scenarios that contain {@code scenarioPart}. */
    private Optional<Double> worst(String scenarioPart, String metric) {
        return figures.stream().filter(f -> f.scenario().contains(scenarioPart) && f.metric().equals(metric))
                .map(Figure::value).max(Double::compare);
    }

    private void row(String target, Optional<Double> value, String unit, DoublePredicate met) {
        table.append("| ").append(target).append(" | ")
                .append(value.map(v -> (v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v)) + " " + unit)
                        .orElse("not measured in this run"))
                .append(" | ").append(value.map(v -> met.test(v) ? "yes" : "no").orElse("-")).append(" |\n");
    }
}
