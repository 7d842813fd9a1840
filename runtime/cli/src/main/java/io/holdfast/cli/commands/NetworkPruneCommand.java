package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast network prune [-f] [--filter label=..|until=..]}: deletes the networks no container is on. */
@Command(name = "prune", description = "Remove all unused networks.")
public final class NetworkPruneCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "FILTER", description = "Provide filter values (e.g. 'until=24h').")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        Map<String, Object> report = engine().pruneNetworks(FilterFlags.json(filters, spec()));
        if (report.get("NetworksDeleted") instanceof List<?> names && !names.isEmpty()) {
            out().println("Deleted Networks:");
            names.forEach(out()::println);
        }
        return 0;
    }

    private boolean confirmed() throws IOException {
        out().print("WARNING! This will remove all custom networks not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] ");
        out().flush();
        StringBuilder answer = new StringBuilder();
        for (int c; (c = context().in().read()) >= 0 && c != '\n'; ) {
            answer.append((char) c);
        }
        String said = answer.toString().strip();
        return said.equalsIgnoreCase("y") || said.equalsIgnoreCase("yes");
    }
}
