package io.holdfast.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast push [-q] NAME[:TAG]}: push an image to the registry its name starts with. */
@Command(name = "push", description = "Upload an image to a registry (credentials: the engine user's "
        + "~/.docker/config.json).")
public final class PushCommand extends EngineCommand {

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output.")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]", description = "The image to push, e.g. 127.0.0.1:5000/app:1.")
    String reference;

    @Override
    public Integer call() throws IOException {
        ProgressDisplay display = new ProgressDisplay(out(), ProgressDisplay.isTerminal(out()));
        engine().push(reference, message -> {
            if (!quiet && message.get("status") != null) {
                display.show(message);
            }
        });
        return 0;
    }
}
