package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast pause}: freeze every process of running containers; prints each ref. */
@Command(name = "pause", description = "Pause all processes within one or more containers.")
public final class PauseCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.pause(ref);
            out().println(ref);
        });
    }
}
