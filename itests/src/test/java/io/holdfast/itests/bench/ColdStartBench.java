package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 5: engine cold start to API ready with no containers, and where the time goes, from the phases holdfastd
 * prints when it is ready ({@code jvm, framework, install, bundles, restore and api}).
 */
final class ColdStartBench {
    private static final Pattern READY = Pattern.compile(
            "ready in (\\d+) ms since process start \\(jvm (\\d+), framework (\\d+), install (\\d+), bundles, restore"
            + " and api (\\d+)\\)");

    private ColdStartBench() {
    }

    static List<Figure> run(int repetitions) throws Exception {
        List<Double> toSocket = new ArrayList<>();
        List<List<Double>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        int phaseCount = 5;
        for (int r = 0; r < repetitions; r++) {
            try (Engine engine = new Engine()) {
                long t0 = System.nanoTime();
                engine.begin();
                Bench.awaitPing(engine);
                toSocket.add((System.nanoTime() - t0) / 1e6);
                Matcher m = READY.matcher(engine.log());
                if (m.find()) {
                    for (int i = 0; i < phaseCount; i++) {
                        phases.get(i).add(Double.parseDouble(m.group(i + 1)));
                    }
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        Stats s = Stats.of(toSocket);
        String scenario = "cold start, no containers";
        figures.add(new Figure(scenario, "process start to API answering", s.median(), "ms", s.spread()));
        String[] names = {"ready as holdfastd measures it", "JVM boot to launcher main", "Felix init and start",
            "install the bundles", "start the bundles, restore, open the API"};
        for (int i = 0; i < phaseCount; i++) {
            if (!phases.get(i).isEmpty()) {
                Stats p = Stats.of(phases.get(i));
                figures.add(new Figure(scenario, names[i], p.median(), "ms", p.spread()));
            }
        }
        return figures;
    }
}
