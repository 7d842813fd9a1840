package io.holdfast.cli.commands;

import io.holdfast.docker.model.ContainerSummary;
import io.holdfast.common.text.HumanDuration;
import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast ps}: list containers as Docker's table, or their short ids. */
@Command(name = "ps", description = "List containers (running ones unless -a).")
public final class PsCommand extends EngineCommand {

    private static final List<String> HEADER =
            List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
    private static final int COMMAND_WIDTH = 20;

    @Option(names = {"-a", "--all"}, description = "Show all containers, not just running ones.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container ids.")
    boolean quiet;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "Filter output based on conditions "
            + "provided (e.g. 'status=exited', 'health=unhealthy', 'label=tier=back', 'name=web', 'network=backend').")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        List<ContainerSummary> containers = engine().containers(all, FilterFlags.json(filters, spec()));
        if (quiet) {
            containers.forEach(container -> out().println(Ids.shortId(container.id())));
            return 0;
        }
        Instant now = Instant.now();
        List<List<String>> rows = new ArrayList<>();
        for (ContainerSummary container : containers) {
            rows.add(List.of(
                    Ids.shortId(container.id()),
                    Ids.isDigest(container.image()) ? Ids.shortId(container.image()) : container.image(),
                    GoQuote.quote(truncate(container.command())),
                    HumanDuration.ago(Instant.ofEpochSecond(container.created()), now),
                    container.status(),
                    ports(container.ports()),
                    names(container.names())));
        }
        Tables.render(HEADER, rows).forEach(out()::println);
        return 0;
    }

    /** Docker keeps the first 19 characters and an ellipsis. */
    static String truncate(String command) {
        if (command.codePointCount(0, command.length()) <= COMMAND_WIDTH) {
            return command;
        }
        return command.substring(0, command.offsetByCodePoints(0, COMMAND_WIDTH - 1)) + "…";
    }

    /** Docker's PORTS cell: {@code 127.0.0.1:8080->80/tcp} per published side, {@code 443/tcp} per exposed port. */
    static String ports(List<Object> ports) {
        List<String> cells = new ArrayList<>();
        for (Object port : ports == null ? List.of() : ports) {
            if (port instanceof java.util.Map<?, ?> p) {
                String container = p.get("PrivatePort") + "/" + p.get("Type");
                cells.add(p.get("PublicPort") == null ? container
                        : p.get("IP") + ":" + p.get("PublicPort") + "->" + container);
            }
        }
        return String.join(", ", cells);
    }

    /** The API's names carry a leading slash; the table does not. */
    private static String names(List<String> names) {
        return String.join(",", names.stream().map(name -> name.startsWith("/") ? name.substring(1) : name).toList());
    }
}
