package io.holdfast.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code holdfast create}: create a container without starting it; prints its id. */
@Command(name = "create", description = "Create a new container without starting it.")
public final class CreateCommand extends EngineCommand {

    @Mixin
    ContainerOptions options;

    @Override
    public Integer call() throws IOException {
        out().println(options.create(engine(), context()));
        return 0;
    }
}
