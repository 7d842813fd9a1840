package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast network disconnect [-f] NETWORK CONTAINER}: Docker's; the container leaves a network it was
 * connected to (not the one it was created on), its interface and address are released.
 */
@Command(name = "disconnect", description = "Disconnect a container from a network it was connected to.")
public final class NetworkDisconnectCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Accepted as Docker's; changes nothing here.")
    boolean force;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        engine().networkVerb(network, "disconnect", Map.of("Container", container, "Force", force));
        return 0;
    }
}
