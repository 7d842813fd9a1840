package io.holdfast.cli.commands;

import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast network ls}: the user-defined networks, as Docker's table (or their ids with {@code -q}). */
@Command(name = "ls", aliases = "list", description = "List networks.")
public final class NetworkListCommand extends EngineCommand {
    private static final List<String> HEADER = List.of("NETWORK ID", "NAME", "DRIVER", "SCOPE");

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs.")
    boolean quiet;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "Provide filter values (e.g. "
            + "'label=tier=back', 'name=web').")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> network : engine().networks(FilterFlags.json(filters, spec()))) {
            String id = Ids.shortId(String.valueOf(network.get("Id")));
            if (quiet) {
                out().println(id);
            } else {
                rows.add(List.of(id, String.valueOf(network.get("Name")), String.valueOf(network.get("Driver")),
                        String.valueOf(network.get("Scope"))));
            }
        }
        if (!quiet) {
            Tables.render(HEADER, rows).forEach(out()::println);
        }
        return 0;
    }
}
