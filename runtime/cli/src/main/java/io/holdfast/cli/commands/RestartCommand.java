package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast restart}: stop (SIGTERM, SIGKILL after the grace period) and start again; prints each ref. */
@Command(name = "restart", description = "Restart one or more containers.")
public final class RestartCommand extends EngineCommand {

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS",
            description = "Seconds to wait for stop before killing the container (default: the container's).")
    Integer seconds;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.restart(ref, seconds);
            out().println(ref);
        });
    }
}
