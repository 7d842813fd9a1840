package io.holdfast.cli.commands;

import io.holdfast.cli.engine.Json;
import io.holdfast.cli.output.HumanSize;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast volume prune [-f] [--filter label=]}: removes every volume no container uses, as Docker. */
@Command(name = "prune", description = "Remove all unused volumes.")
public final class VolumePruneCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "FILTER", description = "Provide filter values (e.g. 'label=a=b').")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        Map<String, Object> report = engine().pruneVolumes(FilterFlags.json(filters, spec()));
        Object deleted = report.get("VolumesDeleted");
        if (deleted instanceof List<?> names && !names.isEmpty()) {
            out().println("Deleted Volumes:");
            names.forEach(out()::println);
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.decimal(Json.number(report, "SpaceReclaimed")));
        return 0;
    }

    private boolean confirmed() throws IOException {
        out().print("WARNING! This will remove all local volumes not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] ");
        out().flush();
        StringBuilder answer = new StringBuilder();
        for (int c; (c = context().in().read()) >= 0 && c != '\n'; ) {
            answer.append((char) c);
        }
        String given = answer.toString().strip();
        return given.equalsIgnoreCase("y") || given.equalsIgnoreCase("yes");
    }
}
