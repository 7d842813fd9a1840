package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast image rm}: untag and delete images, printing the daemon's Untagged/Deleted report. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more images.")
public final class ImageRemoveCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Remove the image even if containers use it.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws IOException {
        return forEachRef(images, (engine, ref) -> {
            for (Map<String, Object> entry : engine.removeImage(ref, force)) {
                entry.forEach((action, image) -> out().println(action + ": " + image));
            }
        });
    }
}
