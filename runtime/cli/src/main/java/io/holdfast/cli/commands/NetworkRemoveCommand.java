package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast network rm}: deletes networks no container is on, printing each name, as Docker. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more networks.")
public final class NetworkRemoveCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks;

    @Override
    public Integer call() throws IOException {
        return forEachRef(networks, (engine, ref) -> {
            engine.removeNetwork(ref);
            out().println(ref);
        });
    }
}
