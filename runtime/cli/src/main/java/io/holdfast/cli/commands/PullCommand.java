package io.holdfast.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast pull [--platform P] [-q] NAME[:TAG|@DIGEST]}: pull an image from a registry. */
@Command(name = "pull", description = "Download an image from a registry.")
public final class PullCommand extends EngineCommand {

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Pull this platform's image from "
            + "a multi-platform index (default: the engine's).")
    String platform;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output; print the reference only.")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]", description = "The image to pull.")
    String reference;

    @Override
    public Integer call() throws IOException {
        ProgressDisplay display = new ProgressDisplay(out(), ProgressDisplay.isTerminal(out()));
        engine().pull(reference, platform, message -> {
            if (!quiet) {
                display.show(message);
            }
        });
        if (quiet) {
            out().println(reference);
        }
        return 0;
    }
}
