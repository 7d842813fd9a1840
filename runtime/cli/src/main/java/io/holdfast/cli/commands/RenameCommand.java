package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast rename CONTAINER NEW_NAME}: prints nothing, as Docker. */
@Command(name = "rename", description = "Rename a container.")
public final class RenameCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    @Override
    public Integer call() throws IOException {
        return forEachRef(List.of(container), (engine, ref) -> engine.rename(ref, newName));
    }
}
