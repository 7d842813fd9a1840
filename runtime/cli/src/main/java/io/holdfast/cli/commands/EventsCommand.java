package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EventQuery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code holdfast events}: the engine's events since a time, then live ones until {@code --until} or Ctrl-C, one line
 * each as {@code docker events} prints them, or the engine's JSON with {@code --format json}.
 */
@Command(name = "events", description = "Get real time events from the engine.")
public final class EventsCommand extends EngineCommand {

    @Option(names = "--since", paramLabel = "TIME",
            description = "Show events since this time: Unix seconds, RFC 3339, or a duration back such as 10m.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Stream events until this time, then exit.")
    String until;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter by type, event, container or image, e.g. type=container, event=die.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "json: print each event as the engine's JSON.")
    String format;

    @Override
    public Integer call() throws IOException {
        boolean json = json();
        Instant now = Instant.now();
        EventQuery query = new EventQuery(TimeOption.parse(spec(), "--since", since, now),
                TimeOption.parse(spec(), "--until", until, now), filterMap());
        engine().events(query, event -> {
            out().println(json ? event.json() : event.text());
            out().flush();
            return !out().checkError(); // our reader went away (`events | head`)
        });
        return 0;
    }

    private boolean json() {
        if (format == null || format.isEmpty()) {
            return false;
        }
        if (format.equals("json") || format.replace(" ", "").equals("{{json.}}")) {
            return true;
        }
        throw new ParameterException(spec().commandLine(),
                "Invalid value for option '--format': '" + format + "'; supported: json");
    }


    private Map<String, List<String>> filterMap() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(spec().commandLine(),
                        "Invalid value for option '--filter': '" + filter + "' is not of the form key=value");
            }
            byKey.computeIfAbsent(filter.substring(0, equals), k -> new ArrayList<>())
                    .add(filter.substring(equals + 1));
        }
        return byKey;
    }
}
