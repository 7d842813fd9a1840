package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast stop}: SIGTERM, then SIGKILL after the grace period; prints each ref stopped. */
@Command(name = "stop", description = "Stop one or more running containers.")
public final class StopCommand extends EngineCommand {

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS",
            description = "Seconds to wait before killing the container (default: the container's).")
    Integer seconds;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.stop(ref, seconds);
            out().println(ref);
        });
    }
}
