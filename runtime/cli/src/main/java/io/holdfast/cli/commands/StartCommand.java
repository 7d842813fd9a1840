package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast start}: start stopped or created containers; prints each ref started. */
@Command(name = "start", description = "Start one or more containers.")
public final class StartCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.start(ref);
            out().println(ref);
        });
    }
}
