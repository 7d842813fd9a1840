package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast volume rm}: removes volumes no container uses; prints each name removed. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more volumes.")
public final class VolumeRemoveCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Do not fail on a volume that does not exist.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> volumes;

    @Override
    public Integer call() throws IOException {
        return forEachRef(volumes, (engine, name) -> {
            engine.removeVolume(name, force);
            out().println(name);
        });
    }
}
