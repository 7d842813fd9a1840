package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineApiException;
import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast stats}: one row per container (all running ones when none is named). Each sample takes the engine
 * a second (it samples twice to compute CPU %); without {@code --no-stream} the table is redrawn until interrupted.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics.")
public final class StatsCommand extends EngineCommand {
    /** Clear the screen and go home, as docker stats does between tables. */
    private static final String CLEAR = "\033[2J\033[H";

    @Option(names = "--no-stream", description = "Print the first result only.")
    boolean noStream;

    @Parameters(arity = "0..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        while (true) {
            List<String> refs = containers == null || containers.isEmpty()
                    ? engine().containers(false).stream().map(c -> c.id()).toList() : containers;
            List<List<String>> rows = new ArrayList<>();
            int status = 0;
            for (String ref : refs) {
                try {
                    rows.add(StatsRow.of(engine().stats(ref)));
                } catch (EngineApiException e) {
                    err().println(ErrorLines.of(e));
                    status = 1;
                }
            }
            if (!noStream) {
                out().print(CLEAR);
            }
            Tables.render(StatsRow.HEADER, rows).forEach(out()::println);
            out().flush();
            if (noStream) {
                return status;
            }
        }
    }
}
