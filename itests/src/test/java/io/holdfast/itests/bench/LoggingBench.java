package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 4: a container writing numbered lines as fast as it can ({@code seq}), with the engine up and with the
 * engine killed while it writes. The rate is lines over the span between the first and last line's log times; lost
 * lines are counted by checking every number came back, in order.
 */
final class LoggingBench {
    private LoggingBench() {
    }

    static List<Figure> run(int lines) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);

            String up = api.runDetached(List.of("seq", "1", Integer.toString(lines)));
            api.request("POST", "/containers/" + up + "/wait");
            figures.addAll(measure("logging, engine up", api, up, lines));

            // writes only once the engine is dead and it is told to
            String down = api.runDetached(List.of("sh", "-c", Cue.untilCue() + "seq 1 " + lines));
            Cue.endWhileEngineIsDown(engine, down);
            engine.start();
            figures.addAll(measure("logging, engine down (SIGKILL)", api, down, lines));
        }
        return figures;
    }

    private static List<Figure> measure(String scenario, Api api, String id, int lines) throws Exception {
        List<String> logged = api.logLines(id, "&timestamps=1");
        int lost = 0;
        int expected = 1;
        for (String line : logged) {
            int n = Integer.parseInt(line.substring(line.indexOf(' ') + 1));
            lost += n - expected;
            expected = n + 1;
        }
        lost += lines - (expected - 1);
        Instant first = Instant.parse(logged.get(0).substring(0, logged.get(0).indexOf(' ')));
        String lastLine = logged.get(logged.size() - 1);
        Instant last = Instant.parse(lastLine.substring(0, lastLine.indexOf(' ')));
        double seconds = Math.max(1e-6, Duration.between(first, last).toNanos() / 1e9);
        return List.of(new Figure(scenario, "line rate", lines / seconds, "lines/s",
                        lines + " lines in " + String.format("%.2f", seconds) + " s"),
                new Figure(scenario, "lines lost", lost, "lines", "must be 0"));
    }
}
