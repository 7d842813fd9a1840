package io.holdfast.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: runs every scenario on this machine against the assembled distribution, prints a markdown
 * table and writes the same figures as JSON. Run it with {@code scripts/bench.sh}; timings never live in tests.
 *
 * <pre>{@code scripts/bench.sh                 # N = 10, 100, 500; 3 repetitions
 * scripts/bench.sh --sizes 10,50 --reps 3 --only restore,logging
 * scripts/bench.sh --only swap --swap-containers 100 --swaps 50   # the defaults
 * scripts/bench.sh --only held --held 10000   # ping, ps and stop while 10,000 long requests are held
 * scripts/bench.sh --only pull                 # a 100 MB, 5-layer pull from a local registry
 * scripts/bench.sh --only cli                  # holdfast ps and run -d beside the stock docker client}</pre>
 */
public final class Benchmarks {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "10,100,1000").split(","))
                .map(Integer::parseInt).toList();
        int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        Path out = Files.createDirectories(Path.of(options.getOrDefault("out", "target/bench")));
        String load = Files.readString(Path.of("/proc/loadavg")).strip();

        List<String> only = List.of(options.getOrDefault("only", "cold-start,run,cli,restore,logging,swap,held,pull,jmh").split(","));
        List<Figure> figures = new ArrayList<>();
        if (only.contains("cold-start")) {
            figures.addAll(ColdStartBench.run(Math.max(reps, 5)));
        }
        if (only.contains("run")) {
            figures.addAll(RunLatencyBench.run(30, 10, 4));
        }
        if (only.contains("cli")) {
            figures.addAll(CliBench.run(20));
        }
        if (only.contains("restore")) {
            for (int n : sizes) {
                figures.addAll(RestoreBench.run(n, reps));
            }
        }
        if (only.contains("logging")) {
            figures.addAll(LoggingBench.run(1_000_000));
        }
        if (only.contains("swap")) {
            figures.addAll(SwapBench.run(Integer.parseInt(options.getOrDefault("swap-containers", "100")),
                    Integer.parseInt(options.getOrDefault("swaps", "50"))));
        }
        if (only.contains("held")) {
            figures.addAll(HeldRequestsBench.run(Integer.parseInt(options.getOrDefault("held", "10000"))));
        }
        if (only.contains("pull")) {
            figures.addAll(PullBench.run(reps));
        }
        if (only.contains("jmh")) {
            figures.addAll(Jmh.figures(out));
        }

        String table = markdown(figures) + "\nIssue 15's targets:\n\n" + Targets.table(figures);
        System.out.println();
        System.out.println(table);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
                "kernel", System.getProperty("os.version"), "loadavgAtStart", load, "java",
                System.getProperty("java.version")));
        report.put("figures", figures);
        JSON.writeValue(out.resolve("results.json").toFile(), report);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("written: " + out.resolve("results.json") + " and results.md");
    }

    static String markdown(List<Figure> figures) {
        StringBuilder md = new StringBuilder("| scenario | metric | value | unit | detail |\n|---|---|---:|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.scenario()).append(" | ").append(f.metric()).append(" | ")
                    .append(f.value() >= 100 ? String.format("%.0f", f.value()) : String.format("%.2f", f.value()))
                    .append(" | ").append(f.unit()).append(" | ").append(f.detail()).append(" |\n");
        }
        return md.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** JMH results that scripts/bench.sh wrote before the harness ran ({@code jmh-*.json} in the output folder). */
    static final class Jmh {
        private Jmh() {
        }

        static List<Figure> figures(Path dir) throws Exception {
            List<Figure> figures = new ArrayList<>();
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.getFileName().toString().matches("jmh-.*\\.json")).sorted()
                        .toList()) {
                    for (JsonNode result : JSON.readTree(file.toFile())) {
                        JsonNode metric = result.path("primaryMetric");
                        String name = result.path("benchmark").asText();
                        figures.add(new Figure("JMH " + name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                                result.path("mode").asText(), metric.path("score").asDouble(),
                                metric.path("scoreUnit").asText(), String.format("± %.2f (99.9%%), %d forks x %d iterations",
                                metric.path("scoreError").asDouble(), result.path("forks").asInt(),
                                result.path("measurementIterations").asInt())));
                    }
                }
            }
            return figures;
        }
    }
}
