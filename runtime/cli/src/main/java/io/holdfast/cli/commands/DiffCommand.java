package io.holdfast.cli.commands;

import io.holdfast.docker.model.ContainerChange;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast diff CONTAINER}: what the container added (A), changed (C) and deleted (D), as docker prints it. */
@Command(name = "diff", description = "Inspect changes to files or directories on a container's filesystem.")
public final class DiffCommand extends EngineCommand {
    private static final String KINDS = "CAD";

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        for (ContainerChange change : engine().changes(container)) {
            out().println(KINDS.charAt(change.kind()) + " " + change.path());
        }
        return 0;
    }
}
