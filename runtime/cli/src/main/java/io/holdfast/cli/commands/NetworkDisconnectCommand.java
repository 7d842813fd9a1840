package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast network disconnect NETWORK CONTAINER}: sent to the engine as Docker's; the engine refuses it with a
 * message saying why (a container is on the one network it was created on).
 */
@Command(name = "disconnect", description = "Disconnect a container to or from a network (not supported yet: the engine "
        + "says why).")
public final class NetworkDisconnectCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        engine().networkVerb(network, "disconnect", Map.of("Container", container));
        return 0;
    }
}
