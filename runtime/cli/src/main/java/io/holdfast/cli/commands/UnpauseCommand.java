package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast unpause}: thaw paused containers; prints each ref. */
@Command(name = "unpause", description = "Unpause all processes within one or more containers.")
public final class UnpauseCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.unpause(ref);
            out().println(ref);
        });
    }
}
