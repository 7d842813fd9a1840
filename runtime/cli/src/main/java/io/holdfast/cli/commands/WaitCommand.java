package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast wait}: block until containers stop; prints each exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes.")
public final class WaitCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            int status = engine.waitFor(ref);
            out().println(status);
            out().flush(); // the next wait may block for long
        });
    }
}
