package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast kill}: send a signal (default KILL) to running containers; prints each ref. */
@Command(name = "kill", description = "Kill one or more running containers.")
public final class KillCommand extends EngineCommand {

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal to send (default: KILL).")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.kill(ref, signal);
            out().println(ref);
        });
    }
}
