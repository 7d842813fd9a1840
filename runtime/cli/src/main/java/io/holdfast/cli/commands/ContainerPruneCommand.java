package io.holdfast.cli.commands;

import io.holdfast.cli.engine.Json;
import io.holdfast.cli.output.HumanSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast container prune [-f] [--filter until=..|label=..]}: removes stopped containers, as Docker. */
@Command(name = "prune", description = "Remove all stopped containers.")
public final class ContainerPruneCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "FILTER", description = "Provide filter values (e.g. 'until=24h').")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        Map<String, Object> report = engine().pruneContainers(filtersJson());
        Object deleted = report.get("ContainersDeleted");
        if (deleted instanceof List<?> ids && !ids.isEmpty()) {
            out().println("Deleted Containers:");
            ids.forEach(out()::println);
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.decimal(Json.number(report, "SpaceReclaimed")));
        return 0;
    }

    private boolean confirmed() throws IOException {
        out().print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
        out().flush();
        StringBuilder answer = new StringBuilder();
        for (int c; (c = context().in().read()) >= 0 && c != '\n'; ) {
            answer.append((char) c);
        }
        return answer.toString().strip().equalsIgnoreCase("y") || answer.toString().strip().equalsIgnoreCase("yes");
    }

    /** Docker's filters map, {@code {"until":["24h"],"label":["a=b"]}}, or null for none. */
    private String filtersJson() throws IOException {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 1) {
                throw new picocli.CommandLine.ParameterException(spec().commandLine(),
                        "bad format of filter (expected name=value): " + filter);
            }
            map.computeIfAbsent(filter.substring(0, equals), k -> new java.util.ArrayList<>())
                    .add(filter.substring(equals + 1));
        }
        return new String(Json.bytes(map), StandardCharsets.UTF_8);
    }
}
