package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast rm}: remove containers; prints each ref removed. */
@Command(name = "rm", description = "Remove one or more containers.")
public final class RmCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Kill and remove a running container.")
    boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container.")
    boolean volumes;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        return forEachRef(containers, (engine, ref) -> {
            engine.remove(ref, force, volumes);
            out().println(ref);
        });
    }
}
